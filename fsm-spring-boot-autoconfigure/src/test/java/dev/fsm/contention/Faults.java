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
 * Injects faults into the next transition: once its checks passed, on its own connection
 * (the {@code JdbcTemplate} joins its transaction); in a post-transition listener; in an
 * after-commit listener. Records the after-commit events, which a failed transition must
 * not publish.
 */
@Component
class Faults {

	private final JdbcTemplate jdbc;

	private volatile Consumer<JdbcTemplate> next;

	private volatile boolean failPost;

	private volatile boolean failAfterCommit;

	final List<PostTransitionEvent<?>> afterCommit = new CopyOnWriteArrayList<>();

	Faults(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void next(Consumer<JdbcTemplate> fault) {
		this.next = fault;
	}

	/**
	 * The next post-transition listener in the transaction throws: the transition rolls
	 * back.
	 */
	void failPost() {
		this.failPost = true;
	}

	/** The next after-commit listener throws: too late to undo anything. */
	void failAfterCommit() {
		this.failAfterCommit = true;
	}

	void clear() {
		this.next = null;
		this.failPost = false;
		this.failAfterCommit = false;
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

	@EventListener
	void saved(PostTransitionEvent<Job> event) {
		if (this.failPost) {
			this.failPost = false;
			throw new IllegalStateException("post listener failed");
		}
	}

	@TransactionalEventListener
	void committed(PostTransitionEvent<Job> event) {
		this.afterCommit.add(event);
		if (this.failAfterCommit) {
			this.failAfterCommit = false;
			throw new IllegalStateException("after-commit listener failed");
		}
	}

}
