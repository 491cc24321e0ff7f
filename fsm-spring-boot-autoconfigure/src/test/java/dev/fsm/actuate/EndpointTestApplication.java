package dev.fsm.actuate;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application with one workflow entity, {@link Parcel}, for the endpoint's web tests.
 */
@SpringBootApplication
public class EndpointTestApplication {

}
