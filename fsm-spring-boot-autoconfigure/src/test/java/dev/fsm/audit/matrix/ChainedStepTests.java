package dev.fsm.audit.matrix;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.UnexpectedRollbackException;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;
import dev.fsm.audit.matrix.StepEntity.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Transitions fired from the body of another on the same entity: their records read in
 * the order they were fired, the last one takes the version the chain left, and the
 * entity's next transition follows on.
 */
@SpringBootTest(classes = StepMatrixApplication.class, properties = { "fsm.audit.initialize-schema=always",
		"spring.jpa.hibernate.ddl-auto=update", "fsm.timers.poll-interval=1h" })
class ChainedStepTests {

	@Autowired
	Transitions transitions;

	@Autowired
	StepChains chains;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Test
	void aChainOnANewEntityWithAnAssignedIdStartsAtTheVersionItsInsertGaveIt() {
		AssignedStringStep step = AssignedStringStep.create();

		this.chains.activateAndFinish(step);

		String code = (String) step.id();
		assertThat(records(code)).containsExactly("0 activateAndFinish NEW->ACTIVE COMPLETED",
				"1 finish ACTIVE->DONE COMPLETED");
		assertThat(version(code)).isEqualTo(1);
		this.transitions.fire(EntityRef.of(AssignedStringStep.class, code), "reopen");
		assertThat(records(code)).last().isEqualTo("2 reopen DONE->ACTIVE COMPLETED");
		assertThat(version(code)).isEqualTo(2);
	}

	@Test
	void transitionsChainedOneAfterTheOtherAreRecordedInTheOrderTheyWereFired() {
		AssignedStringStep step = saved();

		this.chains.activatePauseAndResume(step);

		String code = (String) step.id();
		assertThat(records(code)).containsExactly("1 activatePauseAndResume NEW->ACTIVE COMPLETED",
				"2 pause ACTIVE->PAUSED COMPLETED", "3 resume PAUSED->ACTIVE COMPLETED");
		assertThat(version(code)).isEqualTo(3);
		this.transitions.fire(EntityRef.of(AssignedStringStep.class, code), "finish");
		assertThat(records(code)).last().isEqualTo("4 finish ACTIVE->DONE COMPLETED");
	}

	@Test
	void aChainWhoseOuterBodyFailsLeavesOnlyTheFailedRecordInItsOwnTransaction() {
		AssignedStringStep step = saved();

		assertThatIllegalStateException().isThrownBy(() -> this.chains.activateFinishAndFail(step))
			.withMessage("failed after the chain");

		assertFailedAndRepairable((String) step.id());
	}

	@Test
	void aChainWhoseOuterBodyFailsLeavesOnlyTheFailedRecordInTheCallersTransaction() {
		String code = (String) saved().id();

		this.transaction.executeWithoutResult((status) -> assertThatIllegalStateException()
			.isThrownBy(
					() -> this.chains.activateFinishAndFail(this.entityManager.find(AssignedStringStep.class, code)))
			.withMessage("failed after the chain"));

		assertFailedAndRepairable(code);
	}

	/**
	 * A detached entity's chained transition wrote the row in the caller's transaction,
	 * so the instance put back as it was cannot write the {@code onError} state over it:
	 * the caller's transaction is rolled back whole, and nothing changed.
	 */
	@Test
	void aChainOnADetachedEntityWhoseOuterBodyFailsInTheCallersTransactionRollsItBack() {
		AssignedStringStep step = saved();

		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> this.transaction.executeWithoutResult((status) -> assertThatIllegalStateException()
				.isThrownBy(() -> this.chains.activateFinishAndFail(step))
				.withMessage("failed after the chain")));

		String code = (String) step.id();
		assertThat(records(code)).isEmpty();
		assertThat(version(code)).isZero();
		assertThat(step.getState()).isEqualTo(State.NEW);
		this.chains.activateAndFinish(step);
		assertThat(records(code)).containsExactly("1 activateAndFinish NEW->ACTIVE COMPLETED",
				"2 finish ACTIVE->DONE COMPLETED");
	}

	private void assertFailedAndRepairable(String code) {
		List<String> records = records(code);
		assertThat(records).singleElement().asString().endsWith(" activateFinishAndFail NEW->BROKEN FAILED");
		assertThat(records.get(0)).startsWith(version(code) + " ");
		this.transitions.fire(EntityRef.of(AssignedStringStep.class, code), "repair");
		assertThat(records(code)).last().isEqualTo(version(code) + " repair BROKEN->ACTIVE COMPLETED");
		assertThat(this.transitions.fire(EntityRef.of(AssignedStringStep.class, code), "finish").entity().getState())
			.isEqualTo(State.DONE);
	}

	/** A stored entity, loaded and detached: version 0, no records. */
	private AssignedStringStep saved() {
		String code = (String) AssignedStringStep.create().id();
		this.jdbc.update("insert into assigned_string_step (code, version, state) values (?, 0, 'NEW')", code);
		return this.transaction.execute((status) -> this.entityManager.find(AssignedStringStep.class, code));
	}

	private List<String> records(String code) {
		return this.jdbc.queryForList("select concat(seq_no, ' ', transition_name, ' ', source_state, '->',"
				+ " target_state, ' ', outcome) from fsm_transition_record where entity_type = 'AssignedStringStep'"
				+ " and entity_id = ? order by seq_no", String.class, code);
	}

	private long version(String code) {
		return this.jdbc.queryForObject("select version from assigned_string_step where code = ?", Long.class, code);
	}

}
