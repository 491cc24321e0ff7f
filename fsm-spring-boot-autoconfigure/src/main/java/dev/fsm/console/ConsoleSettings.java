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
 * @param title the name shown in the console's header, such as the application's name
 * @param home where that name links to: a path in the application, such as {@code /}, or a URL
 */
public record ConsoleSettings(String path, String apiPath, String title, String home) {

}
