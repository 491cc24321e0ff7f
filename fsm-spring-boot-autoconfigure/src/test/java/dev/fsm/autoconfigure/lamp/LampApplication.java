package dev.fsm.autoconfigure.lamp;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * Makes this package the application's package, as {@code @SpringBootApplication} would.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class LampApplication {

}
