package dev.fsm.contention;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** One application instance of the contention tests: only {@link Job}. */
@SpringBootApplication
public class ContentionApplication {

}
