package dev.fsm.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The executor's failure matrix: the phase that fails x the transition's own transaction
 * or the caller's x with or without {@code onError}. After each, the row, the caller's
 * instance (state, another field the body set, version), the audit trail and the events
 * are as the table says, and the instance can be fired again as it is.
 */
class FailureMatrixTests extends WorkflowTestSupport {

	enum Phase {

		CHECKS, PRE_LISTENER, RECORDER_START, BODY, FLUSH, AUDIT_INSERT, POST_LISTENER, COMMIT

	}

	/**
	 * What the table expects: the caller's outcome, then the row, the instance, audit and
	 * events.
	 */
	record Expected(Class<? extends Throwable> thrown, String message, String caller, String rowState, String rowNote,
			long rowVersion, String instanceState, String instanceNote, long instanceVersion, List<String> audit,
			List<String> events) {

		static Expected unchanged(Class<? extends Throwable> thrown, String message, String caller,
				List<String> events) {
			return new Expected(thrown, message, caller, "ISSUED", "original", 0, "ISSUED", "original", 0, List.of(),
					events);
		}

	}

	private static final String BLOCKED = "Transition '%s' is not allowed on Voucher#%d in state 'ISSUED': condition"
			+ " not met: !blocked";

	@Autowired
	VoucherRepository vouchers;

	@Autowired
	VoucherFaults faults;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetFaults() {
		this.faults.reset();
	}

	static Stream<Arguments> matrix() {
		List<Arguments> rows = new ArrayList<>();
		for (boolean joined : new boolean[] { false, true }) {
			for (boolean onError : new boolean[] { false, true }) {
				String rolledBack = joined ? "rolled back" : "-";
				String usable = joined ? "committed" : "-";
				rows.add(Arguments.of(Phase.CHECKS, joined, onError,
						Expected.unchanged(TransitionConditionException.class, BLOCKED, usable, List.of())));
				rows.add(Arguments.of(Phase.PRE_LISTENER, joined, onError, Expected
					.unchanged(IllegalStateException.class, "vetoed by a listener", usable, List.of("pre"))));
				rows.add(Arguments.of(Phase.BODY, joined, onError,
						onError ? new Expected(IllegalStateException.class, "body failed", usable, "VOID", "original",
								1, "VOID", "original", 1, List.of("FAILED ISSUED->VOID"),
								List.of("pre", "failed:VOID(moved)", "failed after commit"))
								: Expected.unchanged(IllegalStateException.class, "body failed", rolledBack,
										List.of("pre", "failed:ISSUED"))));
				rows.add(Arguments.of(Phase.FLUSH, joined, onError, Expected.unchanged(
						DataIntegrityViolationException.class, null, rolledBack, List.of("pre", "failed:ISSUED"))));
				rows.add(Arguments.of(Phase.AUDIT_INSERT, joined, onError, Expected.unchanged(
						DataIntegrityViolationException.class, null, rolledBack, List.of("pre", "failed:ISSUED"))));
				rows.add(Arguments.of(Phase.POST_LISTENER, joined, onError,
						Expected.unchanged(IllegalStateException.class, "post listener failed", rolledBack,
								List.of("pre", "post", "failed:ISSUED"))));
				rows.add(Arguments.of(Phase.COMMIT, joined, onError, joined
						// the transition completed; your commit failed: the row is as
						// before, the instance
						// holds what the transition did, like any JPA entity after a
						// rollback
						? new Expected(null, null, "commit failed", "ISSUED", "original", 0, "REDEEMED", "changed", 1,
								List.of(), List.of("pre", "post"))
						: Expected.unchanged(IllegalStateException.class, "commit failed", "-",
								List.of("pre", "post", "failed:ISSUED"))));
			}
		}
		return rows.stream();
	}

	@ParameterizedTest(name = "{0}, joined={1}, onError={2}")
	@MethodSource("matrix")
	void aFailureAtEveryPhaseLeavesRowInstanceAuditAndEventsAsTheTableSays(Phase phase, boolean joined, boolean onError,
			Expected expected) {
		Long id = this.vouchers.save(new Voucher(phase == Phase.CHECKS)).getId();
		String transition = onError ? "redeemOrVoid" : "redeem";
		switch (phase) {
			case PRE_LISTENER -> this.faults.failAt("pre");
			case RECORDER_START -> this.faults.failAt("starting");
			case POST_LISTENER -> this.faults.failAt("post");
			case COMMIT -> this.faults.failAt("commit");
			default -> this.faults.reset();
		}
		String note = (phase == Phase.FLUSH) ? "longer than twenty characters" : "changed";
		String actor = (phase == Phase.AUDIT_INSERT) ? "x".repeat(300) : "clerk";
		AtomicReference<Voucher> instance = new AtomicReference<>();
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Runnable fire = () -> thrown.set(catchThrowable(() -> this.transitions.runAs(actor,
				() -> this.transitions.fire(instance.get(), transition, note, phase == Phase.BODY))));
		String caller;
		if (joined) {
			Throwable commit = catchThrowable(() -> this.transaction.executeWithoutResult((status) -> {
				instance.set(this.vouchers.findById(id).orElseThrow());
				fire.run();
			}));
			caller = (commit == null) ? "committed"
					: (commit instanceof UnexpectedRollbackException) ? "rolled back" : commit.getMessage();
		}
		else {
			instance.set(this.vouchers.findById(id).orElseThrow());
			fire.run();
			caller = "-";
		}

		if (expected.thrown() == null) {
			assertThat(thrown.get()).isNull();
		}
		else {
			assertThat(thrown.get()).isInstanceOf(expected.thrown());
			if (expected.message() != null) {
				assertThat(thrown.get()).hasMessage(String.format(expected.message(), transition, id));
			}
		}
		assertThat(caller).isEqualTo(expected.caller());
		Voucher row = this.vouchers.findById(id).orElseThrow();
		assertThat(List.of(row.getState(), row.getNote(), row.getVersion())).containsExactly(expected.rowState(),
				expected.rowNote(), expected.rowVersion());
		Voucher mine = instance.get();
		assertThat(List.of(mine.getState(), mine.getNote(), mine.getVersion()))
			.containsExactly(expected.instanceState(), expected.instanceNote(), expected.instanceVersion());
		assertThat(audit(id)).containsExactlyElementsOf(expected.audit());
		assertThat(events()).containsExactlyElementsOf(expected.events());

		if (phase != Phase.CHECKS && !(joined && phase == Phase.COMMIT)) {
			// the caller's instance can be fired again as it is: no false conflict, no
			// stale field
			this.faults.reset();
			this.events.reset();
			if (mine.getState().equals("VOID")) {
				this.transitions.fire(mine, "reissue");
			}
			this.transitions.fire(mine, "redeem", "retried", false);
			Voucher retried = this.vouchers.findById(id).orElseThrow();
			assertThat(List.of(retried.getState(), retried.getNote(), retried.getVersion())).containsExactly("REDEEMED",
					"retried", mine.getVersion());
		}
	}

	private List<String> audit(Long id) {
		return this.jdbc.queryForList(
				"select concat(outcome, ' ', source_state, '->', target_state) from"
						+ " fsm_transition_record where entity_type = 'Voucher' and entity_id = ? order by seq_no",
				String.class, id.toString());
	}

	private List<String> events() {
		List<String> events = new ArrayList<>();
		for (TransitionEvent<?> event : this.events.all) {
			if (!(event.getEntity() instanceof Voucher)) {
				continue;
			}
			if (event instanceof PreTransitionEvent<?>) {
				events.add("pre");
			}
			else if (event instanceof PostTransitionEvent<?>) {
				events.add("post");
			}
			else if (event instanceof TransitionFailedEvent<?> failed) {
				events.add("failed:" + failed.getResultingState() + (failed.isMovedToErrorState() ? "(moved)" : ""));
			}
		}
		this.events.failedAfterCommit.forEach((failed) -> events.add("failed after commit"));
		this.events.afterCommit.stream()
			.filter((post) -> post.getEntity() instanceof Voucher)
			.forEach((post) -> events.add("post after commit"));
		return events;
	}

}
