package dev.fsm.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;
import org.springframework.web.util.HtmlUtils;

/**
 * The console's page and its two assets, read from the jar once. The page is the one HTML
 * document of the console; its {@code {{name}}} placeholders take the paths, the user's
 * name and the CSRF token of the request, HTML-escaped.
 */
final class ConsolePage {

	private static final String LOCATION = "dev/fsm/console/";

	private final String page;

	private final Map<String, String> assets;

	/**
	 * Changes with the assets, so that a browser never runs an old script with a new
	 * page.
	 */
	private final String version;

	private ConsolePage(String page, Map<String, String> assets, String version) {
		this.page = page;
		this.assets = assets;
		this.version = version;
	}

	static ConsolePage load() {
		String css = read("console.css");
		String script = read("console.js");
		return new ConsolePage(read("index.html"), Map.of("console.css", css, "console.js", script),
				Integer.toHexString(css.hashCode() * 31 + script.hashCode()));
	}

	/** The page for this request. */
	String render(HttpServletRequest request, ConsoleSettings settings, ConsoleSecurity security) {
		String context = request.getContextPath();
		ConsoleSecurity.CsrfHeader csrf = security.csrf(request);
		String user = (request.getUserPrincipal() != null) ? request.getUserPrincipal().getName() : "";
		boolean named = StringUtils.hasText(settings.title());
		return this.page.replace("{{pageTitle}}", escape(named ? "Workflows · " + settings.title() : "Workflows"))
			.replace("{{appName}}", escape(settings.title()))
			.replace("{{title}}", escape(named ? settings.title() : "Back to the application"))
			.replace("{{entityUrls}}", escape(entityUrls(settings, context)))
			.replace("{{console}}", escape(context + trim(settings.path())))
			.replace("{{version}}", this.version)
			.replace("{{home}}", escape(settings.home().contains("://") ? settings.home() : context + settings.home()))
			.replace("{{api}}", escape(context + trim(settings.apiPath())))
			.replace("{{user}}", escape(user))
			.replace("{{csrfHeader}}", escape((csrf != null) ? csrf.name() : ""))
			.replace("{{csrfToken}}", escape((csrf != null) ? csrf.token() : ""));
	}

	/**
	 * The templates of the application's pages of entities as a JSON object, paths with
	 * the context path.
	 */
	private static String entityUrls(ConsoleSettings settings, String context) {
		StringBuilder json = new StringBuilder("{");
		settings.entityUrls().forEach((workflow, template) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append(quote(workflow))
				.append(':')
				.append(quote(template.startsWith("/") ? context + template : template));
		});
		return json.append('}').toString();
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				quoted.append('\\').append(c);
			}
			else if (c < 0x20) {
				quoted.append(String.format("\\u%04x", (int) c));
			}
			else {
				quoted.append(c);
			}
		}
		return quoted.append('"').toString();
	}

	/** An asset's text, or {@code null} when there is none of that name. */
	@Nullable String asset(String name) {
		return this.assets.get(name);
	}

	private static String trim(String path) {
		return StringUtils.trimTrailingCharacter(path, '/');
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

	private static String read(String name) {
		try (InputStream in = new ClassPathResource(LOCATION + name, ConsolePage.class.getClassLoader())
			.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The console's " + name + " is missing from the jar", ex);
		}
	}

}
