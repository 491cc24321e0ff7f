package dev.fsm.benchmarks.statemachine;

import java.util.EnumSet;

import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.DefaultStateMachineContext;

/**
 * The workflow of the comparison, in Spring Statemachine: five states, the two moves into review
 * guarded by the paper having a title. The same workflow as {@code dev.fsm.benchmarks.Paper}.
 */
final class PaperWorkflow {

	enum State {

		DRAFT, ADMIN_REVIEW, AUTHOR_REVIEW, LIVE, RETRACTED

	}

	enum Event {

		SUBMIT, SEND_BACK, PUBLISH, RETRACT

	}

	/** The entity: its state is a column, as it would be with JPA. */
	static final class Paper {

		State state = State.DRAFT;

		String title = "Benchmarks";

	}

	private PaperWorkflow() {
	}

	/** What an application builds once: the factory of machines. */
	static StateMachineFactory<State, Event> factory() throws Exception {
		StateMachineBuilder.Builder<State, Event> builder = StateMachineBuilder.builder();
		builder.configureConfiguration().withConfiguration().autoStartup(false);
		builder.configureStates().withStates().initial(State.DRAFT).states(EnumSet.allOf(State.class));
		builder.configureTransitions()
			.withExternal().source(State.DRAFT).target(State.ADMIN_REVIEW).event(Event.SUBMIT)
				.guard((context) -> paper(context.getExtendedState().get("paper", Paper.class)).title != null)
			.and().withExternal().source(State.AUTHOR_REVIEW).target(State.ADMIN_REVIEW).event(Event.SUBMIT)
				.guard((context) -> paper(context.getExtendedState().get("paper", Paper.class)).title != null)
			.and().withExternal().source(State.ADMIN_REVIEW).target(State.AUTHOR_REVIEW).event(Event.SEND_BACK)
			.and().withExternal().source(State.ADMIN_REVIEW).target(State.LIVE).event(Event.PUBLISH)
			.and().withExternal().source(State.LIVE).target(State.RETRACTED).event(Event.RETRACT);
		return builder.createFactory();
	}

	private static Paper paper(Paper paper) {
		if (paper == null) {
			throw new IllegalStateException("no paper in the extended state");
		}
		return paper;
	}

	/** The documented way to restore a machine from an entity: a {@link StateMachinePersist}. */
	static final class PaperPersist implements StateMachinePersist<State, Event, Paper> {

		@Override
		public void write(StateMachineContext<State, Event> context, Paper paper) {
			paper.state = context.getState();
		}

		@Override
		public StateMachineContext<State, Event> read(Paper paper) {
			return new DefaultStateMachineContext<>(paper.state, null, null, null);
		}

	}

}
