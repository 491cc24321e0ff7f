package dev.fsm.web;

import java.util.Map;

/**
 * A request the HTTP API refuses before the engine sees it: an unknown workflow or
 * transition, arguments that do not fit, a missing {@code If-Match}. Nothing has changed.
 */
final class WorkflowApiException extends RuntimeException {

	private final ProblemType type;

	private final Map<String, Object> properties;

	WorkflowApiException(ProblemType type, String detail) {
		this(type, detail, Map.of());
	}

	WorkflowApiException(ProblemType type, String detail, Map<String, Object> properties) {
		super(detail);
		this.type = type;
		this.properties = properties;
	}

	ProblemType type() {
		return this.type;
	}

	Map<String, Object> properties() {
		return this.properties;
	}

}
