package dev.fsm.minimal.jpa;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The starter and spring-boot-starter-data-jpa on H2, nothing else. */
@SpringBootApplication
public class JpaOnlyApplication {

}
