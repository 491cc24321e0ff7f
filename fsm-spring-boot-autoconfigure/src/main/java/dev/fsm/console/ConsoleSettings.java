package dev.fsm.console;

import java.util.Map;

/**
 * Where the console and the API it talks to are served, from the {@code fsm.console} and
 * {@code fsm.web} properties.
 * <p>
 * Public because the auto-configuration creates it.
 *
 * @param path the console's path, such as {@code /fsm}
 * @param apiPath the HTTP API's base path, such as {@code /api/workflows}
 * @param title the name shown in the console's header, such as the application's name;
 * empty for none
 * @param home where that name links to: a path in the application, such as {@code /}, or
 * a URL
 * @param entityUrls the application's own page of an entity by workflow name, {@code ""}
 * for every other workflow: a path or an http(s) URL with {@code {id}} (and
 * {@code {workflow}}) in it
 */
public record ConsoleSettings(String path, String apiPath, String title, String home, Map<String, String> entityUrls) {

	/**
	 * @throws IllegalArgumentException when an entity URL is neither a path nor an
	 * http(s) URL
	 */
	public ConsoleSettings {
		for (Map.Entry<String, String> url : entityUrls.entrySet()) {
			String template = url.getValue();
			if (!(template.startsWith("/") || template.startsWith("https://") || template.startsWith("http://"))) {
				throw new IllegalArgumentException("The console's entity URL"
						+ (url.getKey().isEmpty() ? "" : " of workflow '" + url.getKey() + "'") + " '" + template
						+ "' is neither a path starting with /" + " nor an http(s) URL");
			}
		}
		entityUrls = Map.copyOf(entityUrls);
	}

	/** Settings without links to the application's pages of entities. */
	public ConsoleSettings(String path, String apiPath, String title, String home) {
		this(path, apiPath, title, home, Map.of());
	}

}
