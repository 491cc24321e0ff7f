package dev.fsm.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplication.AbandonedRunException;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stored-state check of an application, from outside it: what the Maven goal
 * {@code fsm:stored-states} calls, in a class loader with the application's class path.
 * Starts the application without a web server, timers or its own check, up to the end of
 * the context refresh (no {@code ApplicationRunner} or {@code CommandLineRunner} runs),
 * checks and closes it.
 * <p>
 * Public, and with plain types only, because the Maven plugin calls it reflectively.
 */
public final class StoredStatesCommand {

	private StoredStatesCommand() {
	}

	/**
	 * @param applicationClass the application's {@code @SpringBootApplication} class
	 * @param arguments more arguments of the application
	 * ({@code --spring.datasource.url=..})
	 * @return whether every stored state is declared ({@code "clean"} or
	 * {@code "undeclared"}), then the report's message
	 */
	public static String[] check(Class<?> applicationClass, String[] arguments) {
		List<String> all = new ArrayList<>();
		for (String argument : arguments) {
			// the goal decides these two (twice on the command line, Spring would read a
			// list)
			if (!argument.startsWith("--fsm.validation.stored-states=")
					&& !argument.startsWith("--fsm.timers.enabled=")) {
				all.add(argument);
			}
		}
		all.add("--fsm.validation.stored-states=off");
		all.add("--fsm.timers.enabled=false");
		SpringApplication application = new SpringApplication(applicationClass);
		application.setWebApplicationType(WebApplicationType.NONE);
		StoredStateReport[] report = new StoredStateReport[1];
		try {
			SpringApplication.withHook((app) -> new SpringApplicationRunListener() {

				@Override
				public void started(ConfigurableApplicationContext context, @Nullable Duration timeTaken) {
					report[0] = context.getBean(StoredStateCheck.class).check();
					throw new AbandonedRunException(context);
				}

			}, () -> application.run(all.toArray(String[]::new)));
		}
		catch (AbandonedRunException ex) {
			ConfigurableApplicationContext context = ex.getApplicationContext();
			if (context != null) {
				context.close();
			}
		}
		StoredStateReport result = report[0];
		if (result == null) {
			throw new IllegalStateException("The application " + applicationClass.getName() + " did not start");
		}
		return new String[] { result.isClean() ? "clean" : "undeclared", result.message() };
	}

}
