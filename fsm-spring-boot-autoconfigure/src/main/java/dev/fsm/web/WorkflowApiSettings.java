package dev.fsm.web;

import java.util.Set;

/**
 * How the HTTP API behaves, from the {@code fsm.web} properties.
 * <p>
 * Public because the auto-configuration creates it.
 *
 * @param exposure which transitions the API lists and fires
 * @param requireIfMatch whether firing needs an {@code If-Match} header (428 without one)
 * @param includeDetails whether refusals and the OpenAPI document show the permission and
 * condition expressions, for operators ({@code fsm.web.include-details}); users read
 * words
 * @param maxRequestSize the largest body of a request that fires a transition, in bytes
 * (413 beyond it)
 * @param maxPageSize the largest page of a listing or a history; larger sizes are capped
 * to it
 * @param maxBulkSize the most entities one request fires a transition on (413 beyond it)
 * @param hiddenFields the entity fields an entity's view never shows, as
 * {@code attribute} or {@code Entity.attribute}
 */
public record WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch, boolean includeDetails,
		long maxRequestSize, int maxPageSize, int maxBulkSize, Set<String> hiddenFields) {

	/** The default most entities of a bulk transition. */
	public static final int DEFAULT_MAX_BULK_SIZE = 100;

	public WorkflowApiSettings {
		hiddenFields = Set.copyOf(hiddenFields);
	}

	/** Settings with the default bulk limit and no hidden field. */
	public WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch, boolean includeDetails,
			long maxRequestSize, int maxPageSize) {
		this(exposure, requireIfMatch, includeDetails, maxRequestSize, maxPageSize, DEFAULT_MAX_BULK_SIZE, Set.of());
	}

	/** The default largest body: 64 KB. */
	public static final long DEFAULT_MAX_REQUEST_SIZE = 64 * 1024;

	/** The default largest page. */
	public static final int DEFAULT_MAX_PAGE_SIZE = 500;

	/** Settings that show no expression, with the default limits. */
	public WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch) {
		this(exposure, requireIfMatch, false, DEFAULT_MAX_REQUEST_SIZE, DEFAULT_MAX_PAGE_SIZE);
	}

}
