package dev.fsm.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.metamodel.TimedRoute;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.web.ApiExposure;

/**
 * Tells whoever started the application, once it is ready, what the starter found: each
 * workflow with its states, transitions and timers, whether the HTTP API offers it, and
 * where the API and the console are served. One INFO block, logged by this class.
 */
final class StartupReport implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(StartupReport.class);

	private final WorkflowRegistry registry;

	private final ObjectProvider<Endpoint> endpoints;

	StartupReport(WorkflowRegistry registry, ObjectProvider<Endpoint> endpoints) {
		this.registry = registry;
		this.endpoints = endpoints;
	}

	/**
	 * A URL the starter serves, contributed by the auto-configuration that serves it.
	 *
	 * @param label what is served there, as the report names it
	 * @param path its path in the application
	 * @param exposure which transitions it offers, for the HTTP API; {@code null} for
	 * others
	 */
	record Endpoint(String label, String path, @Nullable ApiExposure exposure) {

	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (logger.isInfoEnabled()) {
			logger.info(message(this.registry.workflows(), this.endpoints.stream().toList(),
					baseUrl(event.getApplicationContext().getEnvironment())));
		}
	}

	/**
	 * {@code http://localhost:8080} and the context path when a web server runs, else
	 * {@code ""}.
	 */
	static String baseUrl(Environment environment) {
		String port = environment.getProperty("local.server.port");
		if (port == null) {
			return "";
		}
		String contextPath = environment.getProperty("server.servlet.context-path", "");
		return "http://localhost:" + port + (contextPath.equals("/") ? "" : contextPath);
	}

	/**
	 * @param baseUrl what the paths of the endpoints are relative to; {@code ""} without
	 * a running web server
	 */
	static String message(List<WorkflowModel> workflows, List<Endpoint> endpoints, String baseUrl) {
		StringBuilder message = new StringBuilder();
		Endpoint api = endpoints.stream().filter((endpoint) -> endpoint.exposure() != null).findFirst().orElse(null);
		if (workflows.isEmpty()) {
			message.append("No workflows: no JPA entity, no bean's @Transition method and no class in the"
					+ " application's packages declares a @StateField");
		}
		else {
			message.append((workflows.size() == 1) ? "1 workflow" : workflows.size() + " workflows")
				.append(", checked at start-up:");
			int width = workflows.stream().mapToInt((workflow) -> workflow.name().length()).max().orElse(0);
			for (WorkflowModel workflow : workflows) {
				describe(message, workflow, api, width);
			}
		}
		List<Endpoint> sorted = new ArrayList<>(endpoints);
		sorted.sort(Comparator.comparing((Endpoint endpoint) -> endpoint.exposure() == null)
			.thenComparing(Endpoint::label));
		for (Endpoint endpoint : sorted) {
			message.append(System.lineSeparator())
				.append("  ")
				.append(endpoint.label())
				.append(": ")
				.append(baseUrl)
				.append(endpoint.path());
		}
		if (api == null && !workflows.isEmpty()) {
			message.append(System.lineSeparator())
				.append("  HTTP API and console: off (fsm.web.enabled=true, fsm.console.enabled=true)");
		}
		return message.toString();
	}

	private static void describe(StringBuilder message, WorkflowModel model, @Nullable Endpoint api, int width) {
		Workflow workflow = model.view();
		String indent = System.lineSeparator() + "  " + " ".repeat(width + 2);
		List<String> states = new ArrayList<>();
		for (String state : workflow.states()) {
			states.add(state + (state.equals(workflow.initialState()) ? " (initial)"
					: workflow.finalStates().contains(state) ? " (final)" : ""));
		}
		message.append(System.lineSeparator())
			.append("  ")
			.append(String.format("%-" + width + "s", workflow.name()))
			.append("  ")
			.append(count(states.size(), "state"))
			.append(": ")
			.append(String.join(", ", states));
		message.append(indent)
			.append(count(workflow.transitionNames().size(), "transition"))
			.append(": ")
			.append(String.join(", ", workflow.transitionNames()));
		List<TimedRoute> timers = model.timers();
		if (!timers.isEmpty()) {
			message.append(indent)
				.append(count(timers.size(), "timer"))
				.append(": ")
				.append(timers.stream()
					.map((timer) -> timer.transition().name() + " after " + duration(timer.after()) + " in "
							+ String.join(" or ", timer.sourceNames()))
					.collect(Collectors.joining(", ")));
		}
		if (api != null) {
			message.append(indent).append(exposure(workflow, api.exposure()));
		}
	}

	private static String exposure(Workflow workflow, @Nullable ApiExposure exposure) {
		if (exposure != ApiExposure.ANNOTATED) {
			return "over HTTP: every transition";
		}
		List<String> exposed = workflow.transitions()
			.stream()
			.filter((route) -> "true".equals(route.properties().get(ApiExposure.PROPERTY)))
			.map(TransitionRoute::name)
			.distinct()
			.toList();
		return exposed.isEmpty() ? "not over HTTP (no transition has api=true)"
				: "over HTTP: " + String.join(", ", exposed) + " (api=true)";
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	/** {@code 30 days}, {@code 2 minutes}, {@code 90 seconds}; ISO-8601 for the rest. */
	static String duration(Duration duration) {
		long seconds = duration.getSeconds();
		if (duration.getNano() != 0 || seconds <= 0) {
			return duration.toString();
		}
		if (seconds % 86_400 == 0) {
			return count((int) (seconds / 86_400), "day");
		}
		if (seconds % 3_600 == 0) {
			return count((int) (seconds / 3_600), "hour");
		}
		if (seconds % 60 == 0) {
			return count((int) (seconds / 60), "minute");
		}
		return count((int) seconds, "second");
	}

}
