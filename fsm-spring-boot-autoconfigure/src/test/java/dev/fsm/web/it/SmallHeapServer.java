package dev.fsm.web.it;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The web test application on a free port, started by
 * {@link LargeBodiesInASmallHeapTests} in a JVM of its own with a small heap; prints its
 * port and a claim to fire on.
 */
public final class SmallHeapServer {

	private SmallHeapServer() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebTestApplication.class)
			.properties("server.port=0", "fsm.web.enabled=true", "fsm.web.read-all=hasRole('ADJUSTER')",
					"spring.main.banner-mode=off", "logging.level.root=WARN", "springdoc.api-docs.enabled=false",
					// Tomcat reads and drops what the application left unread, so the
					// client's writes
					// never race a closed connection; none of it is held
					"server.tomcat.max-swallow-size=-1")
			.run(args);
		Claim claim = context.getBean(ClaimRepository.class).save(new Claim("bob"));
		System.out.println(
				"READY port=" + context.getEnvironment().getProperty("local.server.port") + " claim=" + claim.getId());
	}

}
