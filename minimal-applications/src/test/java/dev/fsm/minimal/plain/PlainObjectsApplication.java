package dev.fsm.minimal.plain;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The starter with spring-boot-starter alone: no JPA, no JDBC, no database. */
@SpringBootApplication
public class PlainObjectsApplication {

}
