package dev.fsm.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.UnknownStateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A NULL or undeclared stored state is a typed error naming entity, id, field and value,
 * on {@code fire} and on every query; never a {@code NullPointerException}, never a match
 * for {@code *} or {@code +}, never written to the audit trail.
 */
class UnknownStateTests extends WorkflowTestSupport {

	private static final String NULL_STATE = "Letter#%s has state NULL in field 'state', which is not a state of"
			+ " workflow 'Letter.state' [DRAFT, SENT, ARCHIVED, RETURNED]; no transition can start from it (repair it"
			+ " with transitions.forceState(..) or a data migration)";

	@Autowired
	LetterRepository letters;

	@Autowired
	JdbcTemplate jdbc;

	private int next;

	private String code;

	@BeforeEach
	void newLetter() {
		this.code = "U-" + System.nanoTime() + "-" + (this.next++);
		this.letters.save(new Letter(this.code, "ann@example.com"));
	}

	@Test
	void aNullStateIsNoSourceOfAnyOtherState() {
		store(null);
		Letter letter = load();
		UnknownStateException unknown = catchThrowableOfType(UnknownStateException.class,
				() -> this.transitions.fire(letter, "redraft"));
		assertThat(unknown).hasMessage(String.format(NULL_STATE, this.code));
		assertThat(unknown.getEntityType()).isEqualTo(Letter.class);
		assertThat(unknown.getEntityId()).isEqualTo(this.code);
		assertThat(unknown.getWorkflow()).isEqualTo("Letter.state");
		assertThat(unknown.getField()).isEqualTo("state");
		assertThat(unknown.getValue()).isNull();
		assertThat(unknown.getStates()).containsExactly("DRAFT", "SENT", "ARCHIVED", "RETURNED");
		assertUntouched(null);
	}

	@Test
	void aNullStateIsNoMatchForAnyStateAndTheBodyNeverRuns() {
		store(null);
		assertThatExceptionOfType(UnknownStateException.class)
			.isThrownBy(() -> this.transitions.fire(load(), "inspect", true))
			.withMessage(String.format(NULL_STATE, this.code));
		assertUntouched(null);
	}

	@Test
	void everyQueryOnANullStateIsTheSameTypedError() {
		store(null);
		Letter letter = load();
		assertThatExceptionOfType(UnknownStateException.class).isThrownBy(() -> this.transitions.available(letter))
			.withMessage(String.format(NULL_STATE, this.code));
		assertThatExceptionOfType(UnknownStateException.class).isThrownBy(() -> this.transitions.allowed(letter));
		assertThatExceptionOfType(UnknownStateException.class).isThrownBy(() -> this.transitions.options(letter));
		assertThatExceptionOfType(UnknownStateException.class)
			.isThrownBy(() -> this.transitions.can(letter, "redraft"));
	}

	@Test
	void anUndeclaredStoredValueIsRefusedOnFireAndOnQueries() {
		store("HACKED");
		Letter letter = load();
		String message = "Letter#" + this.code + " has state 'HACKED' in field 'state', which is not a state of"
				+ " workflow 'Letter.state' [DRAFT, SENT, ARCHIVED, RETURNED]; no transition can start from it (repair"
				+ " it with transitions.forceState(..) or a data migration)";
		assertThatExceptionOfType(UnknownStateException.class)
			.isThrownBy(() -> this.transitions.fire(letter, "inspect", false))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.getValue()).isEqualTo("HACKED"));
		assertThatExceptionOfType(UnknownStateException.class)
			.isThrownBy(() -> this.transitions.fire(letter, "redraft"));
		assertThatExceptionOfType(UnknownStateException.class).isThrownBy(() -> this.transitions.available(letter))
			.withMessage(message);
		assertUntouched("HACKED");
	}

	@Test
	void anUnknownStateIsRepairedWithForceState() {
		store("HACKED");
		this.transitions.forceState(load(), "DRAFT", "repair after a bad import");
		this.transitions.fire(load(), "send", false);
		assertThat(load().getState()).isEqualTo("SENT");
		assertThat(this.transitions.history(load()))
			.extracting((record) -> record.sourceState() + "->" + record.targetState())
			.containsExactly("DRAFT->SENT", "HACKED->DRAFT");
	}

	private void store(String state) {
		this.jdbc.update("update letter set state = ? where code = ?", state, this.code);
	}

	private Letter load() {
		return this.letters.findById(this.code).orElseThrow();
	}

	private void assertUntouched(String state) {
		assertThat(load().getState()).isEqualTo(state);
		assertThat(this.jdbc.queryForObject("select count(*) from fsm_transition_record where entity_id = ?",
				Integer.class, this.code))
			.isZero();
		assertThat(this.events.all).isEmpty();
	}

}
