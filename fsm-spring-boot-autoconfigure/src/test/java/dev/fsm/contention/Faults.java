package dev.fsm.contention;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;

/**
 * Injects a fault into the next transition once its checks passed, on the transition's own
 * connection (the {@code JdbcTemplate} joins its transaction), and records the after-commit
 * events, which a failed transition must not publish.
 */
@Component
class Faults {

	private final JdbcTemplate jdbc;

	private volatile Consumer<JdbcTemplate> next;

	final List<PostTransitionEvent<?>> afterCommit = new CopyOnWriteArrayList<>();

	Faults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void next(Consumer<JdbcTemplate> fault) {
		this.next = fault;
	}

	void clear() {
		this.next = null;
		this.afterCommit.clear();
	}

	@EventListener
	void checked(PreTransitionEvent<Job> event) {
		Consumer<JdbcTemplate> fault = this.next;
		this.next = null;
		if (fault != null) {
			fault.accept(this.jdbc);
		}
	}

	@TransactionalEventListener
	void committed(PostTransitionEvent<Job> event) {
		this.afterCommit.add(event);
	}

}
