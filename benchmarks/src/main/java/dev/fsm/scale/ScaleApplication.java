package dev.fsm.scale;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One application instance of the scale harness: the {@link Reminder} workflow on PostgreSQL, no
 * web server, a clock the harness moves (so that thousands of reminders fall due at one instant,
 * after every instance has started), and the timers' settings of the run.
 */
@SpringBootApplication
public class ScaleApplication {

	/** The instant every instance's clock shows until the harness moves it. */
	static volatile Duration offset = Duration.ofDays(-1);

	@Bean
	Clock clock() {
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return Instant.now().plus(offset);
			}

		};
	}

	static ConfigurableApplicationContext start(String url, boolean timers, String... more) {
		return start(WebApplicationType.NONE, url, timers, more);
	}

	static ConfigurableApplicationContext start(WebApplicationType web, String url, boolean timers, String... more) {
		return new SpringApplicationBuilder(ScaleApplication.class).web(web)
			.properties("spring.main.banner-mode=off", "logging.level.root=warn", "spring.datasource.url=" + url,
					"spring.datasource.username=postgres", "spring.jpa.hibernate.ddl-auto=none",
					"spring.jpa.open-in-view=false", "fsm.audit.initialize-schema=always",
					"fsm.timers.enabled=" + timers, "fsm.timers.poll-interval=100ms",
					"fsm.validation.stored-states=off", "server.port=0")
			.properties(more)
			.run();
	}

}
