package dev.fsm.fields;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** An application whose entity has no getters, as the README writes entities. */
@SpringBootApplication
public class FieldsApplication {

}
