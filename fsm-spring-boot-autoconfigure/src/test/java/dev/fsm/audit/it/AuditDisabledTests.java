package dev.fsm.audit.it;

import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.audit.entity.TransitionRecordEntity;
import dev.fsm.spi.TransitionRecorder;
import dev.fsm.test.StatementLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@SpringBootTest(classes = AuditTestApplication.class,
		properties = { "fsm.audit.enabled=false", "spring.jpa.hibernate.ddl-auto=update" })
class AuditDisabledTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Transitions transitions;

	@Autowired
	SupportTicketRepository tickets;

	@Autowired
	StatementLog statements;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void transitionsRunWithoutTouchingTheAuditTable() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Not audited"));

		this.transitions.on(ticket).open();
		this.transitions.on(ticket).assign("ann");

		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getState())
			.isEqualTo(SupportTicket.State.ASSIGNED);
		assertThat(this.statements.touching(TransitionRecordEntity.TABLE)).isEmpty();
	}

	@Test
	void thereIsNoHistoryNorRecorderAndTheEntityIsNotMapped() {
		assertThat(this.context.getBeanNamesForType(TransitionHistory.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(TransitionRecorder.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(dev.fsm.audit.AuditSchemaInitializer.class)).isEmpty();
		assertThat(this.entityManagerFactory.getMetamodel().getEntities())
			.noneMatch((type) -> type.getJavaType() == TransitionRecordEntity.class);
	}

	@Autowired
	MemoRepository memos;

	@Test
	void withoutAuditTrailAndWithoutVersionTwoTransitionsFromOneLoadedStateNeverBothCommit() {
		Long id = this.memos.save(new Memo()).getId();
		Memo stale = this.memos.findById(id).orElseThrow();
		this.transitions.fire(this.memos.findById(id).orElseThrow(), "send");
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.fire(stale, "archive"));
		assertThat(this.memos.findById(id).orElseThrow().getState()).isEqualTo(Memo.State.SENT);
	}

	@Test
	void askingForTheHistorySaysTheAuditTrailIsOff() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("No history"));

		assertThatIllegalStateException().isThrownBy(() -> this.transitions.history(ticket))
			.withMessage("The audit trail is off, so there is no history of SupportTicket (it needs JPA and"
					+ " Spring Data, and fsm.audit.enabled must not be false)");
	}

}
