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
 * @param maxRequestSize the largest body of a request that fires a transition, in bytes (413
 * beyond it)
 * @param maxPageSize the largest page of a listing or a history; larger sizes are capped to it
 */
public record WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch, boolean includeDetails,
		long maxRequestSize, int maxPageSize) {

	/** The default largest body: 64 KB. */
	public static final long DEFAULT_MAX_REQUEST_SIZE = 64 * 1024;

	/** The default largest page. */
	public static final int DEFAULT_MAX_PAGE_SIZE = 500;

	/** Settings that show no expression, with the default limits. */
	public WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch) {
		this(exposure, requireIfMatch, false, DEFAULT_MAX_REQUEST_SIZE, DEFAULT_MAX_PAGE_SIZE);
	}

}
