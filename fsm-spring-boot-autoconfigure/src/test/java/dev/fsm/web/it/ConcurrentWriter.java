package dev.fsm.web.it;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.fsm.PreTransitionEvent;

/**
 * When armed, changes the claim's row behind the transition's back once it passed its
 * checks, as a concurrent writer would: the transition's versioned update then finds
 * another version.
 */
@Component
class ConcurrentWriter {

	private final JdbcTemplate jdbc;

	private volatile boolean armed;

	ConcurrentWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void arm() {
		this.armed = true;
	}

	@EventListener
	void onPre(PreTransitionEvent<Claim> event) {
		if (this.armed) {
			this.armed = false;
			this.jdbc.update("update claim set version = version + 1 where id = ?", event.getEntity().getId());
		}
	}

}
