package dev.fsm.sample;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever started the sample where to go and who to sign in as.
 */
@Component
class StartupMessage implements ApplicationListener<WebServerInitializedEvent> {

	private static final Log logger = LogFactory.getLog(StartupMessage.class);

	private final String consolePath;

	StartupMessage(@Value("${fsm.console.path:/fsm}") String consolePath) {
		this.consolePath = consolePath;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		logger.info(message("http://localhost:" + event.getWebServer().getPort()));
	}

	String message(String url) {
		return "Case reports at " + url + "/ (workflow console " + url + this.consolePath + ", mail outbox " + url
				+ "/outbox). Sign in as " + DemoUsers.ALL.stream()
					.map((user) -> user.name() + " (" + user.role().toLowerCase() + ")")
					.collect(Collectors.joining(", "))
				+ ", password '" + DemoUsers.PASSWORD + "'";
	}

}
