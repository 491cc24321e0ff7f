package dev.fsm.contention;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.PreTransitionEvent;

/**
 * Puts seat rows in place, and makes the next transitions of a seat lose to a concurrent
 * change: once their checks passed, another transaction increments the row's version and
 * commits.
 */
@Component
class Seats {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate another;

	private final AtomicInteger conflicts = new AtomicInteger();

	Seats(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.another = new TransactionTemplate(transactionManager);
		this.another.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void put(long id, String state, long version, String holder) {
		this.jdbc.update("delete from fsm_transition_record where entity_type = 'Seat' and entity_id = ?",
				String.valueOf(id));
		this.jdbc.update("delete from contention_seat where id = ?", id);
		this.jdbc.update("insert into contention_seat (id, version, state, holder) values (?, ?, ?, ?)", id, version,
				state, holder);
	}

	/** The next {@code count} transitions of a seat lose to a concurrent change. */
	void conflicts(int count) {
		this.conflicts.set(count);
	}

	void clear() {
		this.conflicts.set(0);
	}

	@EventListener
	void checked(PreTransitionEvent<Seat> event) {
		if (this.conflicts.getAndUpdate((left) -> Math.max(left - 1, 0)) > 0) {
			this.another.executeWithoutResult((status) -> this.jdbc
				.update("update contention_seat set version = version + 1 where id = ?", event.getEntity().getId()));
		}
	}

	String state(long id) {
		return this.jdbc.queryForObject("select state from contention_seat where id = ?", String.class, id);
	}

	long version(long id) {
		Long version = this.jdbc.queryForObject("select version from contention_seat where id = ?", Long.class, id);
		return (version != null) ? version : -1;
	}

	String holder(long id) {
		return this.jdbc.queryForObject("select holder from contention_seat where id = ?", String.class, id);
	}

	java.util.List<String> records(long id) {
		return this.jdbc.queryForList("select transition_name from fsm_transition_record where entity_type = 'Seat'"
				+ " and entity_id = ? order by seq_no", String.class, String.valueOf(id));
	}

}
