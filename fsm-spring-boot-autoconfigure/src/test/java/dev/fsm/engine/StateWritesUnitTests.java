package dev.fsm.engine;

import java.time.Clock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;

import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running state writes of a thread, as the flush-time guard asks about them: the
 * innermost write of a row decides, writes nest, and a thread whose writes ended answers
 * no for all.
 */
class StateWritesUnitTests {

	private final WorkflowModel workflow;

	private final Door door = new Door(7L);

	StateWritesUnitTests() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(
				new SpelGuardCompiler(
						new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory())), null),
				true);
		introspector.addEntityType(Door.class);
		this.workflow = introspector.build().workflowsOf(Door.class).get(0);
	}

	@AfterEach
	void nothingLeftRunning() {
		assertThat(StateWrites.isWriting(this.workflow, this.door, 7L, Door.State.OPEN)).isFalse();
		assertThat(StateWrites.isWriting(this.workflow, this.door, 7L, Door.State.CLOSED)).isFalse();
	}

	@Test
	void theInnermostWriteOfARowDecidesAndTheOuterOneAdoptsWhatItLeft() {
		StateWrite outer = write(this.door, Door.State.CLOSED);
		StateWrites.enter(outer);
		outer.write(Door.State.OPEN);
		assertThat(StateWrites.isWriting(this.workflow, this.door, 7L, Door.State.OPEN)).isTrue();
		StateWrite inner = write(this.door, Door.State.OPEN);
		StateWrites.enter(inner);
		inner.write(Door.State.CLOSED);
		// another instance of the same row is the same row
		assertThat(StateWrites.isWriting(this.workflow, new Door(7L), 7L, Door.State.CLOSED)).isTrue();
		assertThat(StateWrites.isWriting(this.workflow, this.door, 7L, Door.State.OPEN)).isFalse();
		assertThat(StateWrites.isWriting(this.workflow, new Door(8L), 8L, Door.State.CLOSED)).isFalse();
		StateWrites.completed(inner, 3L);
		StateWrites.exit(inner);
		assertThat(outer.expectedState()).isEqualTo(Door.State.CLOSED);
		assertThat(outer.baselineVersion()).isEqualTo(3L);
		assertThat(StateWrites.isWriting(this.workflow, this.door, 7L, Door.State.CLOSED)).isTrue();
		StateWrites.exit(outer);
	}

	@Test
	void aWriteThatEndsOutOfOrderLeavesTheOthersRunning() {
		Door other = new Door(8L);
		StateWrite first = write(this.door, Door.State.CLOSED);
		StateWrite second = write(other, Door.State.CLOSED);
		StateWrites.enter(first);
		first.write(Door.State.OPEN);
		StateWrites.enter(second);
		second.write(Door.State.OPEN);
		StateWrites.exit(first);
		assertThat(StateWrites.isWriting(this.workflow, this.door, 7L, Door.State.OPEN)).isFalse();
		assertThat(StateWrites.isWriting(this.workflow, other, 8L, Door.State.OPEN)).isTrue();
		StateWrites.exit(second);
		assertThat(StateWrites.isWriting(this.workflow, other, 8L, Door.State.OPEN)).isFalse();
	}

	private StateWrite write(Door target, Door.State current) {
		return new StateWrite(target, this.workflow, (entity) -> ((Door) entity).id, current, 1L, Clock.systemUTC());
	}

	static class Door {

		enum State {

			OPEN, CLOSED

		}

		Long id;

		@StateField
		State state = State.CLOSED;

		Door() {
		}

		Door(Long id) {
			this.id = id;
		}

		@Transition(source = "CLOSED", target = "OPEN")
		public void open() {
		}

		@Transition(source = "OPEN", target = "CLOSED")
		public void close() {
		}

	}

}
