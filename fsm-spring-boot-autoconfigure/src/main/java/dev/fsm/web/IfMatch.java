package dev.fsm.web;

import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;

/**
 * Reads the version a client expects from its {@code If-Match} header: {@code "3"} and
 * {@code W/"3"} are version 3; {@code *}, or no header where none is required, is any
 * version. An entity without {@code @Version} has no entity tag, so only {@code *}
 * matches it.
 */
final class IfMatch {

	private IfMatch() {
	}

	/**
	 * The expected version as text, or {@code null} for any.
	 * @throws WorkflowApiException 428 when a header is required and missing, 412 when
	 * one names a version of an entity that has none
	 */
	static @Nullable String version(@Nullable String header, Workflow workflow, String id, boolean versioned,
			boolean required) {
		if (header == null || header.isBlank()) {
			if (required && versioned) {
				throw new WorkflowApiException(ProblemType.IF_MATCH_REQUIRED,
						"Firing a transition needs an If-Match header with the version of the entity you read");
			}
			return null;
		}
		String value = header.trim();
		if (value.equals("*")) {
			return null;
		}
		if (!versioned) {
			throw new WorkflowApiException(ProblemType.STALE_VERSION, workflow.entityName() + "#" + id
					+ " has no @Version, so no version matches If-Match " + value + "; send If-Match: * or none");
		}
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		return value;
	}

}
