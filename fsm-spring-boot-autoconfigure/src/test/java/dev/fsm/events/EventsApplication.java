package dev.fsm.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionCompleted;

/**
 * An application with Spring Modulith's JDBC event publication registry: a mailer that
 * reacts to closed tickets after commit and fails as often as
 * {@code events-test.failures} says.
 */
@SpringBootApplication
public class EventsApplication {

	@Bean
	Mailer mailer(TicketRepository tickets, @Value("${events-test.failures:0}") int failures) {
		return new Mailer(tickets, failures);
	}

	@Bean
	Notifier notifier() {
		return new Notifier();
	}

	@Bean
	AfterCommitProbe afterCommitProbe(DataSource dataSource) {
		return new AfterCommitProbe(dataSource);
	}

	/**
	 * A public after-commit listener of {@link PostTransitionEvent}: the registry's
	 * completion advice applies to public listener methods, and must leave this one
	 * alone. It notes whether the transaction's synchronization was still active (it is
	 * until the commit) and the state a connection of its own reads, the committed one.
	 */
	public static class AfterCommitProbe {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		private final DataSource dataSource;

		AfterCommitProbe(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		public List<String> seen() {
			return this.seen;
		}

		@TransactionalEventListener
		public void afterCommit(PostTransitionEvent<Ticket> event) {
			String stored;
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement select = connection
						.prepareStatement("select state from events_ticket where id = ?")) {
				select.setLong(1, event.getEntity().getId());
				try (ResultSet row = select.executeQuery()) {
					stored = row.next() ? row.getString(1) : null;
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
			this.seen.add(event.getTransition() + ": committed " + stored + ", synchronizing "
					+ TransactionSynchronizationManager.isSynchronizationActive());
		}

	}

	/**
	 * An after-commit listener of {@link PostTransitionEvent}, the event with the entity
	 * in it: not recorded by the registry, it runs after the commit as without one.
	 */
	public static class Notifier {

		private final List<String> notified = new CopyOnWriteArrayList<>();

		public List<String> notified() {
			return this.notified;
		}

		@TransactionalEventListener
		void on(PostTransitionEvent<Ticket> event) {
			this.notified.add(event.getTransition() + " " + event.getEntity().getReporter());
		}

	}

	/**
	 * Sends a mail (records it) for each closed ticket, reloading the ticket from the
	 * event.
	 */
	public static class Mailer {

		private final List<String> sent = new CopyOnWriteArrayList<>();

		private final AtomicInteger attempts = new AtomicInteger();

		private final TicketRepository tickets;

		private final AtomicInteger failuresLeft;

		Mailer(TicketRepository tickets, int failures) {
			this.tickets = tickets;
			this.failuresLeft = new AtomicInteger(failures);
		}

		/** The mails sent; a method, as the registry proxies the bean. */
		public List<String> sent() {
			return this.sent;
		}

		public int attempts() {
			return this.attempts.get();
		}

		@TransactionalEventListener
		void mail(TransitionCompleted event) {
			if (!event.is("EventTicket", "close")) {
				return;
			}
			this.attempts.incrementAndGet();
			if (this.failuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				throw new IllegalStateException("the mail server is down");
			}
			Ticket ticket = this.tickets.findById(Long.valueOf(event.entityId())).orElseThrow();
			this.sent.add("To " + ticket.getReporter() + ": ticket " + event.entityId() + " " + event.target() + " by "
					+ event.actor() + " " + event.arguments());
		}

	}

}
