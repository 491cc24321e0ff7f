package dev.fsm.sample;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sample's OpenAPI document at {@code /v3/api-docs}: its own title and description; the
 * library adds the workflow operations, their problems and the HTTP Basic scheme of
 * {@link SecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI caseReportsApi() {
		return new OpenAPI().info(new Info().title("Case reports")
			.version("0.1.0")
			.description("The case-report workflow of the FSM starter's sample: read reports, fire their transitions"
					+ " with the version you read (If-Match), and follow their history. Sign in with HTTP Basic as a"
					+ " demo user."));
	}

}
