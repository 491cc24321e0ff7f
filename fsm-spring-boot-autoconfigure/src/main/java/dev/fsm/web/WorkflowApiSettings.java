package dev.fsm.web;

/**
 * How the HTTP API behaves, from the {@code fsm.web} properties.
 * <p>
 * Public because the auto-configuration creates it.
 *
 * @param exposure which transitions the API lists and fires
 * @param requireIfMatch whether firing needs an {@code If-Match} header (428 without one)
 * @param maxRequestSize the largest body of a request that fires a transition, in bytes (413
 * beyond it)
 * @param maxPageSize the largest page of a listing or a history; larger sizes are capped to it
 */
public record WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch, long maxRequestSize,
		int maxPageSize) {

	/** The default largest body: 64 KB. */
	public static final long DEFAULT_MAX_REQUEST_SIZE = 64 * 1024;

	/** The default largest page. */
	public static final int DEFAULT_MAX_PAGE_SIZE = 500;

	/** The defaults of the limits. */
	public WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch) {
		this(exposure, requireIfMatch, DEFAULT_MAX_REQUEST_SIZE, DEFAULT_MAX_PAGE_SIZE);
	}

}
