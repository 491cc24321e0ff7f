package dev.fsm.audit.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionRecord.Outcome;
import dev.fsm.Transitions;
import dev.fsm.test.StatementLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@AuditIntegrationTest
class AuditTrailTests {

	@Autowired
	Transitions transitions;

	@Autowired
	SupportTicketRepository tickets;

	@Autowired
	MemoRepository memos;

	@Autowired
	TicketDesk desk;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	StatementLog statements;

	@Test
	void everyCommittedTransitionAppendsOneRecordNewestFirst() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Printer on fire"));
		String id = ticket.getId().toString();
		Instant before = Instant.now();
		this.transitions.on(ticket).open();
		this.transitions.on(ticket).assign("ann");
		this.transitions.on(ticket).close();
		Instant after = Instant.now();

		List<TransitionRecord> history = this.transitions.history(ticket);

		assertThat(history).extracting(TransitionRecord::sequence).containsExactly(3L, 2L, 1L);
		assertThat(history.get(0)).usingRecursiveComparison()
			.ignoringFields("occurredAt")
			.isEqualTo(new TransitionRecord("SupportTicket", id, "SupportTicket.state", 3, "close", "ASSIGNED",
					"CLOSED", "anonymous", Instant.EPOCH, null, Outcome.COMPLETED));
		assertThat(history.get(1)).usingRecursiveComparison()
			.ignoringFields("occurredAt")
			.isEqualTo(new TransitionRecord("SupportTicket", id, "SupportTicket.state", 2, "assign", "OPEN", "ASSIGNED",
					"anonymous", Instant.EPOCH, "Assigned to ann", Outcome.COMPLETED));
		assertThat(history.get(2)).usingRecursiveComparison()
			.ignoringFields("occurredAt")
			.isEqualTo(new TransitionRecord("SupportTicket", id, "SupportTicket.state", 1, "open", "NEW", "OPEN",
					"anonymous", Instant.EPOCH, "Opened by the reporter", Outcome.COMPLETED));
		assertThat(history).extracting(TransitionRecord::occurredAt)
			.allSatisfy((at) -> assertThat(at).isBetween(before.minusMillis(1), after.plusMillis(1)))
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void anEntityThatWasNeverSavedIsSavedFirstSoItsRecordHasTheId() {
		SupportTicket ticket = new SupportTicket("Never saved");

		this.transitions.on(ticket).open();

		assertThat(ticket.getId()).isNotNull();
		// the step is the version the transition gave the entity: 0 for the one that
		// saved it
		assertThat(this.transitions.history(ticket)).singleElement()
			.satisfies((record) -> assertThat(record.entityId()).isEqualTo(ticket.getId().toString()))
			.satisfies((record) -> assertThat(record.sequence()).isZero());
	}

	@Test
	void uuidIdsAreStoredAsText() {
		GiftVoucher voucher = new GiftVoucher();

		this.transitions.on(voucher).activate();
		this.transitions.on(voucher).redeem();

		UUID id = voucher.getId();
		assertThat(this.transitions.history(voucher))
			.extracting(TransitionRecord::entityType, TransitionRecord::entityId, TransitionRecord::transition)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("GiftVoucher", id.toString(), "redeem"),
					org.assertj.core.groups.Tuple.tuple("GiftVoucher", id.toString(), "activate"));
	}

	@Test
	void uuidIdsFireByIdAlsoAsText() {
		GiftVoucher voucher = new GiftVoucher();
		this.transitions.on(voucher).activate();

		this.transitions.fire(EntityRef.of(GiftVoucher.class, voucher.getId().toString()), "redeem");

		assertThat(this.transitions.history(voucher)).extracting(TransitionRecord::transition)
			.containsExactly("redeem", "activate");
	}

	@Test
	void stringIdsAreStoredAsTheyAre() {
		String trackingCode = "PX-" + UUID.randomUUID();
		Parcel parcel = new Parcel(trackingCode);

		this.transitions.on(parcel).ship();

		assertThat(this.transitions.history(parcel)).singleElement()
			.satisfies((record) -> assertThat(record.entityId()).isEqualTo(trackingCode))
			.satisfies((record) -> assertThat(record.workflow()).isEqualTo("Parcel.delivery"));
	}

	@Test
	@WithMockUser(username = "alice")
	void theActorIsTheAuthenticatedUser() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Alice's ticket"));

		this.transitions.on(ticket).open();

		assertThat(this.transitions.history(ticket)).extracting(TransitionRecord::actor).containsExactly("alice");
	}

	@Test
	void theActorOfAJobIsTheNameItRunsAs() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Found by the nightly job"));

		this.transitions.runAs("nightly-job", () -> {
			this.transitions.on(ticket).open();
			return null;
		});

		assertThat(this.transitions.history(ticket)).extracting(TransitionRecord::actor).containsExactly("nightly-job");
	}

	@Test
	void aDescriptionSetByTheBodyIsRecordedForThatFiringOnly() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Described"));

		this.transitions.on(ticket).open();
		this.transitions.on(ticket).assign("bob");

		assertThat(this.transitions.history(ticket)).extracting(TransitionRecord::description)
			.containsExactly("Assigned to bob", "Opened by the reporter");
	}

	@Test
	void aDescriptionLongerThanTheColumnIsCut() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Long description"));
		this.transitions.on(ticket).open();

		this.transitions.on(ticket).assign("x".repeat(2000));

		String description = this.transitions.history(ticket).get(0).description();
		assertThat(description).hasSize(1000).startsWith("Assigned to xxx").endsWith("x\u2026");
	}

	@Test
	void aRolledBackTransitionLeavesNoRecord() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Rolled back"));

		this.transaction.executeWithoutResult((status) -> {
			this.transitions.on(ticket).open();
			status.setRollbackOnly();
		});

		assertThat(this.transitions.history(ticket)).isEmpty();
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getState()).isEqualTo(SupportTicket.State.NEW);
	}

	@Test
	void aFailureThatMovesToTheOnErrorStateLeavesAFailedRecordAndCommitsThatState() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Escalation fails"));
		this.transitions.on(ticket).open();
		ticket.failEscalation();

		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(ticket).escalate())
			.withMessage("No one is on call");

		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getState())
			.isEqualTo(SupportTicket.State.BROKEN);
		assertThat(this.transitions.history(ticket))
			.extracting(TransitionRecord::sequence, TransitionRecord::transition, TransitionRecord::sourceState,
					TransitionRecord::targetState, TransitionRecord::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "escalate", "OPEN", "BROKEN", Outcome.FAILED),
					org.assertj.core.groups.Tuple.tuple(1L, "open", "NEW", "OPEN", Outcome.COMPLETED));
	}

	@Test
	void inTheCallersTransactionTheFailedRecordCommitsWithIt() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Escalation fails, caller commits"));

		this.transaction.executeWithoutResult((status) -> {
			this.transitions.on(ticket).open();
			ticket.failEscalation();
			assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(ticket).escalate());
		});

		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getState())
			.isEqualTo(SupportTicket.State.BROKEN);
		assertThat(this.transitions.history(ticket))
			.extracting(TransitionRecord::sequence, TransitionRecord::transition, TransitionRecord::targetState,
					TransitionRecord::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "escalate", "BROKEN", Outcome.FAILED),
					org.assertj.core.groups.Tuple.tuple(1L, "open", "OPEN", Outcome.COMPLETED));
	}

	@Test
	void aTransitionChainedFromABodyIsRecordedAfterTheOneThatChainedIt() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Triaged"));

		this.desk.triage(ticket);

		assertThat(this.transitions.history(ticket))
			.extracting(TransitionRecord::sequence, TransitionRecord::transition, TransitionRecord::sourceState,
					TransitionRecord::targetState)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "assign", "OPEN", "ASSIGNED"),
					org.assertj.core.groups.Tuple.tuple(1L, "triage", "NEW", "OPEN"));
	}

	@Test
	void aTransitionOfAVersionedEntityCostsOneInsertAndNoRead() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Measured"));
		this.statements.clear();

		this.transitions.on(ticket).open();

		assertThat(this.statements.touching("fsm_transition_record"))
			.satisfiesExactly((sql) -> assertThat(sql).startsWith("insert into fsm_transition_record"));
		assertThat(this.transitions.history(ticket)).singleElement()
			.satisfies((record) -> assertThat(record.sequence()).isEqualTo(ticket.getVersion()));
	}

	@Test
	void aTransitionOfAnUnversionedEntityReadsItsLastStepUnderTheRowLock() {
		Memo memo = this.memos.save(new Memo());
		this.statements.clear();

		this.transitions.fire(memo, "send");

		assertThat(this.statements.touching("fsm_transition_record")).satisfiesExactly(
				(sql) -> assertThat(sql).startsWith("select max(").contains("seq_no"),
				(sql) -> assertThat(sql).startsWith("insert into fsm_transition_record"));
		// FOR UPDATE; PostgreSQL's FOR NO KEY UPDATE also conflicts with every other
		// writer of the row
		assertThat(this.statements.touching("memo")).first()
			.satisfies((sql) -> assertThat(sql).startsWith("select").containsPattern("for (no key )?update"));
	}

	@Test
	void aPlainWorkflowObjectBesideTheEntitiesIsFiredAndNotRecorded() {
		Stopwatch stopwatch = new Stopwatch();
		this.statements.clear();

		this.transitions.fire(stopwatch, "start");

		assertThat(stopwatch.state).isEqualTo("RUNNING");
		assertThat(this.statements.touching("fsm_transition_record")).isEmpty();
	}

	@Test
	void aTransitionOfANewEntityCostsOneInsert() {
		this.statements.clear();

		this.transitions.on(new SupportTicket("Measured, never saved")).open();

		assertThat(this.statements.touching("fsm_transition_record"))
			.satisfiesExactly((sql) -> assertThat(sql).startsWith("insert into fsm_transition_record"));
	}

}
