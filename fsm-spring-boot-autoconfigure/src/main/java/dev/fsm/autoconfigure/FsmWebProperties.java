package dev.fsm.autoconfigure;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.fsm.web.ApiAccess;
import dev.fsm.web.ApiExposure;

/**
 * The HTTP API of workflows.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.web")
public class FsmWebProperties {

	/**
	 * Whether to serve the HTTP API. Off by default: turning it on is a security
	 * decision.
	 */
	private boolean enabled;

	/**
	 * The path the API is served under.
	 */
	private String basePath = "/api/workflows";

	/**
	 * Which transitions the API lists and fires: all, or only those with the custom
	 * property api=true (and only the workflows that have one).
	 */
	private ApiExposure exposure = ApiExposure.ALL;

	/**
	 * Whether firing a transition requires an If-Match header with the entity's version
	 * (428 without one).
	 */
	private boolean requireIfMatch;

	/**
	 * Who may reach the API and the console: authenticated users of Spring Security
	 * (without it the application does not start), or permit-all, whoever reaches them,
	 * reading everything, for an application that protects them otherwise.
	 */
	private ApiAccess access = ApiAccess.AUTHENTICATED;

	/**
	 * Who reads and lists every entity of every workflow through the API and the console,
	 * unfiltered: a Spring Security expression such as hasRole('ADMIN'). Unset: nobody;
	 * other users read what the workflows' @StateField(readPermission, readFilter) allow
	 * them.
	 */
	private @Nullable String readAll;

	/**
	 * The read permission of workflows that declare no @StateField(readPermission): a
	 * Spring Security expression with #entity, such as #entity.owner ==
	 * authentication.name. Unset: only the users of fsm.web.read-all read their entities.
	 */
	private @Nullable String defaultReadPermission;

	/**
	 * Whether refusals (problem details, the reasons of an entity's transitions) and the
	 * OpenAPI document show the permission and condition expressions, for operators who
	 * debug them. Off: users read words, never expressions that may name other users.
	 */
	private boolean includeDetails;

	/**
	 * The largest body of a request that fires a transition; larger ones are answered 413
	 * before they are read (by their Content-Length) or as soon as the limit is passed
	 * (when sent in chunks).
	 */
	private DataSize maxRequestSize = DataSize.ofKilobytes(64);

	/**
	 * The largest page of a listing or a history; a larger size asked for is capped to
	 * it.
	 */
	private int maxPageSize = 500;

	/**
	 * The most entities one request fires a transition on (a bulk action of the console);
	 * more are answered 413 before anything is fired.
	 */
	private int maxBulkSize = 100;

	/**
	 * Entity fields that an entity's view (the API's and the console's) never shows, such
	 * as passwordHash or Customer.taxNumber. Ids, versions and state fields are shown
	 * apart or not at all anyway.
	 */
	private Set<String> hiddenFields = new LinkedHashSet<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBasePath() {
		return this.basePath;
	}

	public void setBasePath(String basePath) {
		this.basePath = basePath;
	}

	public ApiExposure getExposure() {
		return this.exposure;
	}

	public void setExposure(ApiExposure exposure) {
		this.exposure = exposure;
	}

	public boolean isRequireIfMatch() {
		return this.requireIfMatch;
	}

	public void setRequireIfMatch(boolean requireIfMatch) {
		this.requireIfMatch = requireIfMatch;
	}

	public ApiAccess getAccess() {
		return this.access;
	}

	public void setAccess(ApiAccess access) {
		this.access = access;
	}

	public @Nullable String getReadAll() {
		return this.readAll;
	}

	public void setReadAll(@Nullable String readAll) {
		this.readAll = readAll;
	}

	public @Nullable String getDefaultReadPermission() {
		return this.defaultReadPermission;
	}

	public void setDefaultReadPermission(@Nullable String defaultReadPermission) {
		this.defaultReadPermission = defaultReadPermission;
	}

	public boolean isIncludeDetails() {
		return this.includeDetails;
	}

	public void setIncludeDetails(boolean includeDetails) {
		this.includeDetails = includeDetails;
	}

	public DataSize getMaxRequestSize() {
		return this.maxRequestSize;
	}

	public void setMaxRequestSize(DataSize maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	public int getMaxPageSize() {
		return this.maxPageSize;
	}

	public void setMaxPageSize(int maxPageSize) {
		this.maxPageSize = maxPageSize;
	}

	public int getMaxBulkSize() {
		return this.maxBulkSize;
	}

	public void setMaxBulkSize(int maxBulkSize) {
		this.maxBulkSize = maxBulkSize;
	}

	public Set<String> getHiddenFields() {
		return this.hiddenFields;
	}

	public void setHiddenFields(Set<String> hiddenFields) {
		this.hiddenFields = hiddenFields;
	}

}
