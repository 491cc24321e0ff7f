package dev.fsm.audit.matrix;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.AuditTrailConflictException;
import dev.fsm.EntityRef;
import dev.fsm.PreTransitionEvent;
import dev.fsm.Transitions;
import dev.fsm.audit.matrix.StepEntity.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An entity behind its own audit trail, as a restore from an old backup or an id used
 * again leaves it: the transition is refused as what it is, with the way to repair it,
 * nothing changes, retries do not spin, and the repair the message names works.
 */
@SpringBootTest(classes = StepMatrixApplication.class,
		properties = { "fsm.audit.initialize-schema=always", "spring.jpa.hibernate.ddl-auto=update",
				"fsm.timers.poll-interval=1h" })
@Import(AuditTrailDriftTests.Attempts.class)
class AuditTrailDriftTests {

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Attempts attempts;

	@Test
	void aRowRestoredFromABackupOlderThanItsAuditTrailIsRefusedAsBehindItsTrailNotAsARace() {
		String code = activatedAndFinishedAndReopened();
		// the backup was taken after 'activate': version 0, ACTIVE; the trail has steps 0
		// to 2
		this.jdbc.update("update assigned_string_step set version = 0, state = 'ACTIVE' where code = ?", code);
		EntityRef<AssignedStringStep> ref = EntityRef.of(AssignedStringStep.class, code);

		assertThatExceptionOfType(AuditTrailConflictException.class)
			.isThrownBy(() -> this.transitions.fire(ref, "finish"))
			.withMessage("Transition 'finish' on AssignedStringStep#" + code + " from state 'ACTIVE' cannot be"
					+ " recorded: the audit trail of workflow 'AssignedStringStep.state' already holds step 1, the"
					+ " version this transition gave AssignedStringStep#" + code + " (from 0): the entity is behind its"
					+ " audit trail (its row was restored from a backup older than the trail, or written back by"
					+ " other means). No retry can change that, and nothing changed; to repair it, raise the entity's"
					+ " @Version to the last step recorded for it (select max(seq_no) from fsm_transition_record"
					+ " where entity_type = 'AssignedStringStep' and entity_id = '" + code + "' and workflow ="
					+ " 'AssignedStringStep.state'), then fire again")
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo(AssignedStringStep.class);
				assertThat(ex.getEntityId()).isEqualTo(code);
				assertThat(ex.getTransition()).isEqualTo("finish");
				assertThat(ex.getCurrentState()).isEqualTo("ACTIVE");
				assertThat(ex.getWorkflow()).isEqualTo("AssignedStringStep.state");
				assertThat(ex.getRecordedStep()).isEqualTo(1);
				assertThat(ex.getEntityVersion()).isZero();
				assertThat(ex).hasRootCauseInstanceOf(java.sql.SQLException.class);
			});
		assertThat(row(code)).containsExactly("ACTIVE", 0);
		assertThat(steps(code)).containsExactly(0L, 1L, 2L);

		Long last = this.jdbc.queryForObject(
				"select max(seq_no) from fsm_transition_record where entity_type ="
						+ " 'AssignedStringStep' and entity_id = ? and workflow = 'AssignedStringStep.state'",
				Long.class, code);
		this.jdbc.update("update assigned_string_step set version = ? where code = ?", last, code);
		this.transitions.fire(ref, "finish");
		assertThat(row(code)).containsExactly("DONE", 3);
		assertThat(steps(code)).containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void aTransitionDeclaredSafeToRepeatIsNotRepeatedWhenItsEntityIsBehindItsTrail() {
		String code = activatedAndFinishedAndReopened();
		this.jdbc.update("update assigned_string_step set version = 0, state = 'ACTIVE' where code = ?", code);
		this.attempts.count.set(0);

		assertThatExceptionOfType(AuditTrailConflictException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(AssignedStringStep.class, code), "settle"));
		assertThat(this.attempts.count).hasValue(1);
		assertThat(row(code)).containsExactly("ACTIVE", 0);
	}

	@Test
	void aNewEntityWithTheIdOfADeletedOneWhoseRecordsWereKeptIsRefusedAndNotInserted() {
		String code = activatedAndFinishedAndReopened();
		this.jdbc.update("delete from assigned_string_step where code = ?", code);
		AssignedStringStep again = AssignedStringStep.create(code);

		assertThatExceptionOfType(AuditTrailConflictException.class)
			.isThrownBy(() -> this.transitions.fire(again, "activate"))
			.withMessage("Transition 'activate' on AssignedStringStep#" + code + " from state 'NEW' cannot be"
					+ " recorded: AssignedStringStep#" + code + " is new, but the audit trail of workflow"
					+ " 'AssignedStringStep.state' already holds step 0 for its id: an earlier entity with that id"
					+ " was deleted and its records were kept. No retry can change that, and nothing changed; to"
					+ " repair it, give the new entity another id, or remove the earlier entity's records: delete"
					+ " from fsm_transition_record where entity_type = 'AssignedStringStep' and entity_id = '" + code
					+ "' and workflow = 'AssignedStringStep.state'")
			.satisfies((ex) -> assertThat(ex.getEntityVersion()).isNull());
		assertThat(this.jdbc.queryForObject("select count(*) from assigned_string_step where code = ?", Integer.class,
				code))
			.isZero();
		assertThat(again.getState()).isEqualTo(State.NEW);
		assertThat(again.versionNumber()).isNull();

		this.jdbc.update("delete from fsm_transition_record where entity_type = 'AssignedStringStep' and entity_id"
				+ " = ? and workflow = 'AssignedStringStep.state'", code);
		this.transitions.fire(again, "activate");
		assertThat(row(code)).containsExactly("ACTIVE", 0);
		assertThat(steps(code)).containsExactly(0L);
	}

	/** A new entity taken through three transitions: version 2, steps 0 to 2. */
	private String activatedAndFinishedAndReopened() {
		AssignedStringStep step = AssignedStringStep.create();
		this.transitions.fire(step, "activate");
		String code = (String) step.id();
		EntityRef<AssignedStringStep> ref = EntityRef.of(AssignedStringStep.class, code);
		this.transitions.fire(ref, "finish");
		this.transitions.fire(ref, "reopen");
		assertThat(steps(code)).containsExactly(0L, 1L, 2L);
		return code;
	}

	private List<Long> steps(String code) {
		return this.jdbc.queryForList("select seq_no from fsm_transition_record where entity_type ="
				+ " 'AssignedStringStep' and entity_id = ? order by seq_no", Long.class, code);
	}

	private List<Object> row(String code) {
		return this.jdbc.queryForObject("select state, version from assigned_string_step where code = ?",
				(rs, n) -> List.of(rs.getString(1), rs.getInt(2)), code);
	}

	/** Counts the attempts of transitions on {@link AssignedStringStep}s. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Attempts {

		final AtomicInteger count = new AtomicInteger();

		@EventListener
		void on(PreTransitionEvent<AssignedStringStep> event) {
			this.count.incrementAndGet();
		}

	}

}
