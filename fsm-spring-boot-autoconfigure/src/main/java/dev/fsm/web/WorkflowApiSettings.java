package dev.fsm.web;

/**
 * How the HTTP API behaves, from the {@code fsm.web} properties.
 * <p>
 * Public because the auto-configuration creates it.
 *
 * @param exposure which transitions the API lists and fires
 * @param requireIfMatch whether firing needs an {@code If-Match} header (428 without one)
 * @param includeDetails whether refusals and the OpenAPI document show the permission and
 * condition expressions, for operators ({@code fsm.web.include-details}); users read words
 */
public record WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch, boolean includeDetails) {

	/** Settings that show no expression. */
	public WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch) {
		this(exposure, requireIfMatch, false);
	}

}
