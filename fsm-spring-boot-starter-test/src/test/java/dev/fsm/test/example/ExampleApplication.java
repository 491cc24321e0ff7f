package dev.fsm.test.example;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with an expense-claim workflow, for the tests of the slice and the
 * assertions.
 */
@SpringBootApplication
public class ExampleApplication {

}
