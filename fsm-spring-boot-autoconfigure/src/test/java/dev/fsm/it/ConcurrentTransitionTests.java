package dev.fsm.it;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.fsm.ConcurrentTransitionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two threads fire conflicting transitions on one row: exactly one commits.
 */
class ConcurrentTransitionTests extends WorkflowTestSupport {

	@Autowired
	TicketRepository tickets;

	@Test
	void exactlyOneOfTwoConflictingTransitionsCommits() throws Exception {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		Long version = ticket.getVersion();
		Ticket first = this.tickets.findById(ticket.getId()).orElseThrow();
		Ticket second = this.tickets.findById(ticket.getId()).orElseThrow();
		// both threads pass the source check before either writes
		CyclicBarrier bothChecked = new CyclicBarrier(2);
		this.events.onPre((event) -> {
			try {
				bothChecked.await(10, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Callable<Object> close = () -> {
				this.transitions.on(first).close();
				return "close";
			};
			Callable<Object> triage = () -> this.transitions.on(second).triage(true);
			List<Future<Object>> results = threads.invokeAll(List.of(close, triage), 30, TimeUnit.SECONDS);
			int committed = 0;
			int conflicts = 0;
			for (Future<Object> result : results) {
				try {
					result.get();
					committed++;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(ConcurrentTransitionException.class);
					conflicts++;
				}
			}
			assertThat(committed).isEqualTo(1);
			assertThat(conflicts).isEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
		Ticket saved = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(saved.getVersion()).isEqualTo(version + 1);
		assertThat(saved.getStatus()).isIn("CLOSED", "ASSIGNED");
	}

}
