package dev.fsm.web;

import java.util.List;
import java.util.Map;

import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * The workflows and transitions the HTTP API shows, as {@link ApiExposure} decides: every
 * one, or only the transitions marked {@code api=true} and the workflows that have one.
 */
final class WorkflowCatalog {

	private final Transitions transitions;

	private final ApiExposure exposure;

	WorkflowCatalog(Transitions transitions, ApiExposure exposure) {
		this.transitions = transitions;
		this.exposure = exposure;
	}

	List<Workflow> workflows() {
		return this.transitions.workflows().stream().filter(this::isVisible).toList();
	}

	/** The visible workflow of this name; 404 otherwise. */
	Workflow workflow(String name) {
		for (Workflow workflow : this.transitions.workflows()) {
			if (workflow.name().equals(name) && isVisible(workflow)) {
				return workflow;
			}
		}
		throw new WorkflowApiException(ProblemType.UNKNOWN_WORKFLOW, "There is no workflow '" + name + "'",
				Map.of("workflow", name));
	}

	/** The first route of the exposed transition of this name; 404 otherwise. */
	TransitionRoute transition(Workflow workflow, String name) {
		for (TransitionRoute route : workflow.transitions(name)) {
			if (isExposed(route)) {
				return route;
			}
		}
		throw new WorkflowApiException(ProblemType.UNKNOWN_TRANSITION,
				"Workflow '" + workflow.name() + "' has no transition '" + name + "'", Map.of("transition", name));
	}

	boolean isExposed(TransitionRoute route) {
		return this.exposure == ApiExposure.ALL || "true".equals(route.properties().get(ApiExposure.PROPERTY));
	}

	private boolean isVisible(Workflow workflow) {
		return this.exposure == ApiExposure.ALL || workflow.transitions().stream().anyMatch(this::isExposed);
	}

}
