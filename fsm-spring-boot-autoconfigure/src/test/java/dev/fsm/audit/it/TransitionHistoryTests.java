package dev.fsm.audit.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;

@AuditIntegrationTest
class TransitionHistoryTests {

	@Autowired
	TransitionHistory history;

	@Autowired
	Transitions transitions;

	@Autowired
	SupportTicketRepository tickets;

	@Test
	void pagesComeNewestFirst() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Paged"));
		this.transitions.on(ticket).open();
		this.transitions.on(ticket).assign("ann");
		this.transitions.on(ticket).close();
		this.transitions.on(ticket).reopen();
		this.transitions.on(ticket).assign("bob");

		Page<TransitionRecord> first = this.history.of(ticket, PageRequest.of(0, 2));
		Page<TransitionRecord> second = this.history.of(ticket, PageRequest.of(1, 2));
		Page<TransitionRecord> last = this.history.of(ticket, PageRequest.of(2, 2));

		assertThat(first.getContent()).extracting(TransitionRecord::sequence, TransitionRecord::transition)
			.containsExactly(Tuple.tuple(5L, "assign"), Tuple.tuple(4L, "reopen"));
		assertThat(second.getContent()).extracting(TransitionRecord::sequence, TransitionRecord::transition)
			.containsExactly(Tuple.tuple(3L, "close"), Tuple.tuple(2L, "assign"));
		assertThat(last.getContent()).extracting(TransitionRecord::sequence, TransitionRecord::transition)
			.containsExactly(Tuple.tuple(1L, "open"));
		assertThat(first.getTotalElements()).isEqualTo(5);
		assertThat(first.getTotalPages()).isEqualTo(3);
		assertThat(this.history.of(ticket, Pageable.unpaged()).getContent()).isEqualTo(this.transitions.history(ticket))
			.hasSize(5);
	}

	@Test
	void theOrderIsNewestFirstWhateverSortThePageAsksFor() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Sorted"));
		this.transitions.on(ticket).open();
		this.transitions.on(ticket).assign("ann");

		Page<TransitionRecord> page = this.history.of(ticket, PageRequest.of(0, 10, Sort.by("sequence").ascending()));

		assertThat(page.getContent()).extracting(TransitionRecord::sequence).containsExactly(2L, 1L);
	}

	@Test
	void theHistoryOfAnEntityHoldsEveryWorkflowOfIt() {
		Parcel parcel = new Parcel("PX-" + UUID.randomUUID());
		this.transitions.on(parcel).ship();
		this.transitions.on(parcel).pay();
		this.transitions.on(parcel).deliver();

		// each step is the version its transition gave the parcel: 0 for the one that
		// inserted it
		assertThat(this.history.of(parcel))
			.extracting(TransitionRecord::workflow, TransitionRecord::sequence, TransitionRecord::transition)
			.containsExactly(Tuple.tuple("Parcel.delivery", 2L, "deliver"), Tuple.tuple("Parcel.payment", 1L, "pay"),
					Tuple.tuple("Parcel.delivery", 0L, "ship"));
	}

	@Test
	void theViewThatFiresTransitionsHasTheHistoryOfItsEntity() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Viewed"));
		SupportTicket view = this.transitions.on(ticket);
		view.open();

		assertThat(this.history.of(view)).extracting(TransitionRecord::transition).containsExactly("open");
	}

	@Test
	void anEntityThatWasNeverSavedHasNoHistory() {
		SupportTicket ticket = new SupportTicket("Not saved");

		assertThat(this.history.of(ticket)).isEmpty();
		assertThat(this.history.of(ticket, PageRequest.of(0, 5))).isEmpty();
	}

	@Test
	void byActorFindsTheRecordsOfOneActorInAHalfOpenTimeRange() {
		String clerk = "clerk-" + UUID.randomUUID();
		String manager = "manager-" + UUID.randomUUID();
		SupportTicket first = this.tickets.save(new SupportTicket("First"));
		SupportTicket second = this.tickets.save(new SupportTicket("Second"));
		Instant start = Instant.now();
		runAs(clerk, () -> this.transitions.on(first).open());
		runAs(manager, () -> this.transitions.on(first).assign("ann"));
		runAs(clerk, () -> this.transitions.on(second).open());
		Instant end = Instant.now().plusSeconds(1);

		Page<TransitionRecord> clerks = this.history.byActor(clerk, start, end, PageRequest.of(0, 10));

		assertThat(clerks.getContent()).extracting(TransitionRecord::entityId, TransitionRecord::transition)
			.containsExactly(Tuple.tuple(second.getId().toString(), "open"),
					Tuple.tuple(first.getId().toString(), "open"));
		Instant secondOpened = clerks.getContent().get(0).occurredAt();
		assertThat(this.history.byActor(clerk, start, secondOpened, Pageable.unpaged()).getContent())
			.extracting(TransitionRecord::entityId)
			.containsExactly(first.getId().toString());
		assertThat(this.history.byActor(clerk, end, end.plusSeconds(60), Pageable.unpaged())).isEmpty();
		assertThat(this.history.byActor(manager, start, end, Pageable.unpaged()).getContent())
			.extracting(TransitionRecord::transition)
			.containsExactly("assign");
	}

	@Test
	void betweenFindsEveryRecordInAHalfOpenTimeRange() {
		SupportTicket ticket = this.tickets.save(new SupportTicket("Between"));
		Instant start = Instant.now().minusMillis(1);
		this.transitions.on(ticket).open();
		this.transitions.on(ticket).assign("ann");
		this.transitions.on(ticket).close();
		Instant end = Instant.now().plusMillis(1);

		Page<TransitionRecord> all = this.history.between(start, end, PageRequest.of(0, 2));
		List<TransitionRecord> records = this.history.between(start, end, Pageable.unpaged()).getContent();

		assertThat(all.getTotalElements()).isEqualTo(3);
		assertThat(all.getContent()).extracting(TransitionRecord::transition).containsExactly("close", "assign");
		assertThat(records).extracting(TransitionRecord::transition).containsExactly("close", "assign", "open");
		assertThat(this.history.between(records.get(2).occurredAt(), records.get(0).occurredAt(), Pageable.unpaged())
			.getContent()).extracting(TransitionRecord::transition).containsExactly("assign", "open");
	}

	private void runAs(String actor, Runnable work) {
		this.transitions.runAs(actor, () -> {
			work.run();
			return null;
		});
	}

}
