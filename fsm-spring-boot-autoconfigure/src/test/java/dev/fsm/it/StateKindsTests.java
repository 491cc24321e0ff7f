package dev.fsm.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.InvalidTargetStateException;
import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * String and int states, dynamic targets, stacked declarations and source wildcards.
 */
class StateKindsTests extends WorkflowTestSupport {

	@Autowired
	TicketRepository tickets;

	@Autowired
	DocumentRepository documents;

	@Test
	void intStates() {
		Document document = this.documents.save(new Document());
		this.transitions.on(document).review();
		this.transitions.on(document).publish();
		assertThat(this.documents.findById(document.getId()).orElseThrow().getStage()).isEqualTo(Document.PUBLISHED);
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(document).review())
			.withMessage("Transition 'review' is not allowed from state '2' on Document#" + document.getId()
					+ " (allowed from: 0)");
	}

	@Test
	void aDynamicTransitionMovesToTheStateItsBodyReturns() {
		Ticket urgent = this.tickets.save(new Ticket("bob"));
		Ticket later = this.tickets.save(new Ticket("bob"));
		assertThat(this.transitions.on(urgent).triage(true)).isEqualTo("ASSIGNED");
		assertThat(this.transitions.on(later).triage(false)).isEqualTo("DEFERRED");
		assertThat(this.tickets.findById(urgent.getId()).orElseThrow().getStatus()).isEqualTo("ASSIGNED");
		assertThat(this.tickets.findById(later.getId()).orElseThrow().getStatus()).isEqualTo("DEFERRED");
		PreTransitionEvent<?> pre = this.events.of(PreTransitionEvent.class).get(0);
		assertThat(pre.getTargetState()).isNull();
		PostTransitionEvent<?> post = this.events.of(PostTransitionEvent.class).get(0);
		assertThat(post.getTargetState()).isEqualTo("ASSIGNED");
	}

	@Test
	void aDynamicTransitionThatReturnsAnotherStateIsRolledBack() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		assertThatExceptionOfType(InvalidTargetStateException.class)
			.isThrownBy(() -> this.transitions.on(ticket).misroute("CLOSED"))
			.withMessage("Transition 'misroute' on Ticket#" + ticket.getId()
					+ " from state 'OPEN' returned 'CLOSED', which is not one of its targets (ASSIGNED, DEFERRED)")
			.satisfies((ex) -> {
				assertThat(ex.getReturned()).isEqualTo("CLOSED");
				assertThat(ex.getAllowedTargets()).containsExactly("ASSIGNED", "DEFERRED");
			});
		assertThatExceptionOfType(InvalidTargetStateException.class)
			.isThrownBy(() -> this.transitions.on(ticket).misroute(42))
			.withMessageContaining("returned 42, which is not one of its targets");
		assertThat(ticket.getStatus()).isEqualTo("OPEN");
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getStatus()).isEqualTo("OPEN");
	}

	@Test
	void stackedDeclarationsEachApplyToTheirOwnSource() {
		Ticket open = this.tickets.save(new Ticket("bob"));
		this.transitions.on(open).close();
		assertThat(open.getStatus()).isEqualTo("CLOSED");
		Ticket assigned = this.tickets.save(new Ticket("bob"));
		this.transitions.on(assigned).triage(true);
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(assigned).close())
			.withMessageEndingWith("in state 'ASSIGNED' is denied to 'anonymous' (permission: hasRole('ADMIN'))");
	}

	@Test
	@WithMockUser(roles = "ADMIN")
	void stackedDeclarationsRunTheBodyOnce() {
		Ticket assigned = this.tickets.save(new Ticket("bob"));
		this.transitions.on(assigned).triage(true);
		this.events.reset();
		this.transitions.on(assigned).close();
		assertThat(assigned.getStatus()).isEqualTo("CLOSED");
		assertThat(this.events.of(PostTransitionEvent.class)).hasSize(1);
	}

	@Test
	void plusMeansAnyStateButTheTarget() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(ticket).reopen())
			.withMessage("Transition 'reopen' is not allowed from state 'OPEN' on Ticket#" + ticket.getId()
					+ " (allowed from: ASSIGNED, DEFERRED, CLOSED)");
		this.transitions.on(ticket).close();
		this.transitions.on(ticket).reopen();
		assertThat(ticket.getStatus()).isEqualTo("OPEN");
	}

	@Test
	void starMeansAnyState() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		this.transitions.on(ticket).inspect();
		this.transitions.on(ticket).close();
		this.transitions.on(ticket).inspect();
		assertThat(ticket.getStatus()).isEqualTo("CLOSED");
	}

}
