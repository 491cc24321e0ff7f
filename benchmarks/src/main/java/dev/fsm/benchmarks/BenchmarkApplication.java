package dev.fsm.benchmarks;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application the benchmarks run in: H2, no web server. */
@SpringBootApplication
public class BenchmarkApplication {

	static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(BenchmarkApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn",
					"spring.datasource.generate-unique-name=true")
			.properties(properties)
			.run();
	}

}
