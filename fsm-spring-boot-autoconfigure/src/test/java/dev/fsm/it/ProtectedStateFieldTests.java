package dev.fsm.it;

import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.UnexpectedRollbackException;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.IllegalStateChangeException;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.it.Door.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Only a transition changes a {@code @StateField}: every other way to store a state is
 * refused when the persistence context flushes, and nothing is stored. Loading,
 * refreshing, removing and creating entities in a state they may start in keep working.
 */
class ProtectedStateFieldTests extends WorkflowTestSupport {

	@Autowired
	DoorRepository doors;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSetterOnAManagedEntityIsRefusedAtCommit() {
		Door door = this.doors.save(new Door("front"));
		IllegalStateChangeException refused = catchThrowableOfType(IllegalStateChangeException.class,
				() -> this.transaction.executeWithoutResult((status) -> {
					Door loaded = this.doors.findById(door.getId()).orElseThrow();
					loaded.setState(State.OPEN);
					loaded.setLabel("back");
				}));
		assertThat(refused).hasMessage("Door#" + door.getId() + ": the state field 'state' of workflow 'Door.state'"
				+ " was changed from 'CLOSED' to 'OPEN' without a transition, and was not saved; only transitions change a"
				+ " @StateField (fire one through Transitions; for a data migration use Transitions.forceState)");
		assertThat(refused.getEntityType()).isEqualTo(Door.class);
		assertThat(refused.getEntityId()).isEqualTo(door.getId());
		assertThat(refused.getWorkflow()).isEqualTo("Door.state");
		assertThat(refused.getField()).isEqualTo("state");
		assertThat(refused.getStoredState()).isEqualTo("CLOSED");
		assertThat(refused.getAttemptedState()).isEqualTo("OPEN");
		assertUnchanged(door);
	}

	@Test
	void reflectionIsRefusedAtTheNextFlush() {
		Door door = this.doors.save(new Door("front"));
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
				Door loaded = this.doors.findById(door.getId()).orElseThrow();
				ReflectionTestUtils.setField(loaded, "state", State.LOCKED);
				this.doors.flush();
			}))
			.withMessageContaining("was changed from 'CLOSED' to 'LOCKED' without a transition");
		assertUnchanged(door);
	}

	@Test
	void savingADetachedCopyWithAnotherStateIsRefused() {
		Door door = this.doors.save(new Door("front"));
		Door copy = this.doors.findById(door.getId()).orElseThrow();
		copy.setState(State.OPEN);
		copy.setLabel("back");
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> this.doors.save(copy))
			.withMessageContaining("was changed from 'CLOSED' to 'OPEN' without a transition");
		assertUnchanged(door);
	}

	@Test
	void aMergedCopyWithTheSameStateIsSavedAsUsual() {
		Door door = this.doors.save(new Door("front"));
		Door copy = this.doors.findById(door.getId()).orElseThrow();
		copy.setLabel("back");
		this.doors.save(copy);
		assertThat(this.doors.findById(door.getId()).orElseThrow().getLabel()).isEqualTo("back");
	}

	@Test
	void aNewEntityInItsInitialOrAStartStateIsStoredAndInAnyOtherIsNot() {
		assertThat(this.doors.save(new Door("initial")).getState()).isEqualTo(State.CLOSED);
		assertThat(this.doors.save(new Door("imported", State.LOCKED)).getState()).isEqualTo(State.LOCKED);
		long before = this.doors.count();
		IllegalStateChangeException refused = catchThrowableOfType(IllegalStateChangeException.class,
				() -> this.doors.save(new Door("forged", State.OPEN)));
		assertThat(refused).hasMessage("A new Door#" + refused.getEntityId() + " was about to be stored in state"
				+ " 'OPEN' (field 'state' of workflow 'Door.state'), and was not: a new entity starts in its initial state"
				+ " 'CLOSED' or a start state [LOCKED]; fire transitions to move it, declare @StateField(startStates = ..),"
				+ " or use Transitions.forceState");
		assertThat(refused.getStoredState()).isNull();
		assertThat(refused.getAttemptedState()).isEqualTo("OPEN");
		assertThat(this.doors.count()).isEqualTo(before);
	}

	@Test
	void aNewEntityWithANullStateIsNotStored() {
		long before = this.doors.count();
		assertThatExceptionOfType(IllegalStateChangeException.class)
			.isThrownBy(() -> this.doors.save(new Door("nothing", null)))
			.withMessageContaining("was about to be stored in state NULL");
		assertThat(this.doors.count()).isEqualTo(before);
	}

	@Test
	void loadingRefreshingAndRemovingKeepWorking() {
		Door door = this.doors.save(new Door("front"));
		this.jdbc.update("update door set state = 'OPEN' where id = ?", door.getId());
		this.transaction.executeWithoutResult((status) -> {
			Door loaded = this.doors.findById(door.getId()).orElseThrow();
			assertThat(loaded.getState()).isEqualTo(State.OPEN);
			this.jdbc.update("update door set state = 'LOCKED' where id = ?", door.getId());
			this.entityManager.refresh(loaded);
			assertThat(loaded.getState()).isEqualTo(State.LOCKED);
			loaded.setLabel("refreshed");
		});
		assertThat(this.doors.findById(door.getId()).orElseThrow().getLabel()).isEqualTo("refreshed");
		this.doors.deleteById(door.getId());
		assertThat(this.doors.findById(door.getId())).isEmpty();
	}

	@Test
	void aTransitionBodyThatAssignsTheStateFailsAndChangesNothing() {
		Door door = this.doors.save(new Door("front"));
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(door).slam())
			.withMessage("The body of transition 'slam' on Door#" + door.getId() + " set its state field 'state' to"
					+ " 'LOCKED' instead of leaving it at 'OPEN'; only transitions change a @StateField (fire the next"
					+ " transition through Transitions to chain it)");
		assertThat(door.getState()).isEqualTo(State.CLOSED);
		assertUnchanged(door);
	}

	@Test
	void aPostTransitionListenerThatAssignsTheStateRollsTheTransitionBack() {
		Door door = this.doors.save(new Door("front"));
		this.events.onPost((event) -> ((Door) event.getEntity()).setState(State.LOCKED));
		// OPEN is what the transition flushed in its transaction; the listener's LOCKED
		// is refused at commit
		assertThatExceptionOfType(IllegalStateChangeException.class).isThrownBy(() -> this.transitions.on(door).open())
			.withMessageContaining("was changed from 'OPEN' to 'LOCKED' without a transition");
		assertThat(door.getState()).isEqualTo(State.CLOSED);
		assertThat(door.getVersion()).isZero();
		assertUnchanged(door);
		assertThat(this.events.afterCommit).isEmpty();
	}

	@Test
	void aFailedTransitionInsideYourTransactionDoesNotTripTheGuardOnYourNextQuery() {
		Door door = this.doors.save(new Door("front"));
		this.events.onPost((event) -> {
			throw new IllegalStateException("listener failed");
		});
		assertThatExceptionOfType(UnexpectedRollbackException.class)
			.isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
				Door loaded = this.doors.findById(door.getId()).orElseThrow();
				assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(loaded).open());
				// the instance is back in CLOSED while Hibernate flushed OPEN: a query
				// flushes again,
				// in a transaction that can only roll back
				assertThat(this.doors.findAll()).isNotEmpty();
			}));
		assertUnchanged(door);
	}

	@Test
	void forceStateIsTheEscapeHatchWithAnAuditRecordAndNoEvents() {
		Door door = this.doors.save(new Door("front"));
		this.transitions.runAs("migration", () -> {
			this.transitions.forceState(door, "OPEN", "ticket OPS-7: doors opened by the old system");
			return null;
		});
		assertThat(door.getState()).isEqualTo(State.OPEN);
		assertThat(door.getVersion()).isEqualTo(1);
		Door saved = this.doors.findById(door.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(State.OPEN);
		assertThat(saved.getVersion()).isEqualTo(1);
		assertThat(this.events.all).isEmpty();
		assertThat(this.transitions.history(saved)).singleElement().satisfies((record) -> {
			assertThat(record.transition()).isEqualTo(Transitions.FORCED);
			assertThat(record.outcome()).isEqualTo(TransitionRecord.Outcome.FORCED);
			assertThat(record.sourceState()).isEqualTo("CLOSED");
			assertThat(record.targetState()).isEqualTo("OPEN");
			assertThat(record.actor()).isEqualTo("migration");
			assertThat(record.description()).isEqualTo("ticket OPS-7: doors opened by the old system");
		});
		// and the workflow goes on from there
		this.transitions.on(door).close();
		assertThat(this.doors.findById(door.getId()).orElseThrow().getState()).isEqualTo(State.CLOSED);
	}

	@Test
	void forceStateRepairsANullStateAndRefusesAnUnknownOne() {
		Door door = this.doors.save(new Door("front"));
		this.jdbc.update("update door set state = null where id = ?", door.getId());
		Door broken = this.doors.findById(door.getId()).orElseThrow();
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.forceState(broken, "AJAR", "typo"))
			.withMessage(
					"Cannot force state 'AJAR': it is not a state of workflow 'Door.state' [CLOSED, OPEN, LOCKED]");
		this.transitions.forceState(broken, "CLOSED", "repair");
		assertThat(this.doors.findById(door.getId()).orElseThrow().getState()).isEqualTo(State.CLOSED);
		assertThat(this.transitions.history(broken)).singleElement().satisfies((record) -> {
			assertThat(record.sourceState()).isNull();
			assertThat(record.targetState()).isEqualTo("CLOSED");
			assertThat(record.outcome()).isEqualTo(TransitionRecord.Outcome.FORCED);
		});
	}

	@Test
	void forceStateOnAStaleCopyLosesToTheConcurrentChangeAndChangesNothing() {
		Door door = this.doors.save(new Door("front"));
		Door stale = this.doors.findById(door.getId()).orElseThrow();
		stale.setLabel("back");
		this.transitions.on(this.doors.findById(door.getId()).orElseThrow()).open();
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.forceState(stale, "LOCKED", "repair"))
			.withMessage("Transition '(forced)' on Door#" + door.getId() + " from state 'CLOSED' lost to a concurrent"
					+ " change: the entity was modified by another transaction since it was loaded; reload it and try"
					+ " again")
			.satisfies((ex) -> {
				assertThat(ex.getTransition()).isEqualTo(Transitions.FORCED);
				assertThat(ex.getCurrentState()).isEqualTo("CLOSED");
			});
		assertThat(List.of(stale.getState(), stale.getLabel(), stale.getVersion())).containsExactly(State.CLOSED,
				"back", 0L);
		Door saved = this.doors.findById(door.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getLabel(), saved.getVersion())).containsExactly(State.OPEN, "front",
				1L);
		assertThat(this.events.all).noneMatch(TransitionFailedEvent.class::isInstance);
		assertThat(this.transitions.history(saved)).extracting(TransitionRecord::transition).containsExactly("open");
	}

	private void assertUnchanged(Door door) {
		Door saved = this.doors.findById(door.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getLabel(), saved.getVersion())).containsExactly(State.CLOSED,
				"front", 0L);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type = 'Door'" + " and entity_id = ?",
				Integer.class, door.getId().toString()))
			.isZero();
	}

}
