package dev.fsm.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The workflow console, an operator's UI over the HTTP API.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.console")
public class FsmConsoleProperties {

	/**
	 * Whether to serve the console. It turns on the HTTP API it talks to.
	 */
	private boolean enabled;

	/**
	 * The path the console is served under.
	 */
	private String path = "/fsm";

	/**
	 * Who may open the console: a Spring Security web expression. The transitions' own
	 * permissions still decide what each user may fire.
	 */
	private String access = "isAuthenticated()";

	/**
	 * The name shown in the console's header; spring.application.name when unset.
	 */
	private @Nullable String title;

	/**
	 * Where the name in the console's header links to: a path in the application, or a
	 * URL.
	 */
	private String home = "/";

	/**
	 * The application's own page of an entity, linked from its page in the console: a
	 * path or an http(s) URL with {id} (and {workflow}) in it, such as /reports/{id}.
	 * Unset: no link, unless fsm.console.entity-urls names the workflow.
	 */
	private @Nullable String entityUrl;

	/**
	 * The application's own page of an entity per workflow name, such as
	 * fsm.console.entity-urls[CaseReport.state]=/reports/{id}; before
	 * fsm.console.entity-url.
	 */
	private Map<String, String> entityUrls = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getAccess() {
		return this.access;
	}

	public void setAccess(String access) {
		this.access = access;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public String getHome() {
		return this.home;
	}

	public void setHome(String home) {
		this.home = home;
	}

	public @Nullable String getEntityUrl() {
		return this.entityUrl;
	}

	public void setEntityUrl(@Nullable String entityUrl) {
		this.entityUrl = entityUrl;
	}

	public Map<String, String> getEntityUrls() {
		return this.entityUrls;
	}

	public void setEntityUrls(Map<String, String> entityUrls) {
		this.entityUrls = entityUrls;
	}

}
