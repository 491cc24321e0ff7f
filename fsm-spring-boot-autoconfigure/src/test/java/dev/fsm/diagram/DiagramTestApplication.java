package dev.fsm.diagram;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with one workflow entity, {@link Invoice}, for the diagram tests that need
 * the whole starter.
 */
@SpringBootApplication
public class DiagramTestApplication {

}
