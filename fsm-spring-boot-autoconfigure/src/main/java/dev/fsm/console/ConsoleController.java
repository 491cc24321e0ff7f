package dev.fsm.console;

import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Serves the workflow console under {@code fsm.console.path}: its page, which holds the
 * whole UI, and its stylesheet and script. Everything the page shows and does goes
 * through the HTTP API, so the transitions' own permissions decide what each user may
 * fire.
 * <p>
 * Public because the auto-configuration creates it.
 */
@Controller
@RequestMapping("${fsm.console.path:/fsm}")
public class ConsoleController {

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");

	private final ConsolePage page = ConsolePage.load();

	private final ConsoleSettings settings;

	private final ConsoleSecurity security;

	public ConsoleController(ConsoleSettings settings, ConsoleSecurity security) {
		this.settings = settings;
		this.security = security;
	}

	/** The console: one page, its views chosen by the URL's fragment. */
	@GetMapping({ "", "/" })
	public ResponseEntity<String> page(HttpServletRequest request) {
		this.security.checkAccess(request);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
			.cacheControl(CacheControl.noStore())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy",
					"default-src 'self'; img-src 'self' data:; style-src 'self'; "
							+ "script-src 'self'; frame-ancestors 'self'")
			.body(this.page.render(request, this.settings, this.security));
	}

	/** The stylesheet and the script. */
	@GetMapping("/{asset:console\\.(?:css|js)}")
	public ResponseEntity<String> asset(@PathVariable String asset, HttpServletRequest request) {
		this.security.checkAccess(request);
		String text = this.page.asset(asset);
		if (text == null) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
		}
		return ResponseEntity.ok()
			.contentType(asset.endsWith(".css") ? CSS : JAVASCRIPT)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(text);
	}

}
