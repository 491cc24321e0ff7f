package dev.fsm.test;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationListener;

import dev.fsm.TransitionEvent;

/**
 * Records the transition events published on the thread of a block that
 * {@link WorkflowAssertions#assertThatEvents} runs, in the order they were published. A
 * bean of every Spring test context (see
 * {@link TransitionEventRecorderContextCustomizerFactory}); idle outside such a block.
 */
final class TransitionEventRecorder implements ApplicationListener<TransitionEvent<?>> {

	static final String BEAN_NAME = "fsmTransitionEventRecorder";

	private static final ThreadLocal<@Nullable List<TransitionEvent<?>>> RECORDING = new ThreadLocal<>();

	@Override
	public void onApplicationEvent(TransitionEvent<?> event) {
		List<TransitionEvent<?>> events = RECORDING.get();
		if (events != null) {
			events.add(event);
		}
	}

	/** The events published while {@code block} ran, and what it threw. */
	static Recording record(Block block) {
		List<TransitionEvent<?>> previous = RECORDING.get();
		List<TransitionEvent<?>> events = new ArrayList<>();
		RECORDING.set(events);
		Throwable thrown = null;
		try {
			block.run();
		}
		catch (Throwable ex) {
			thrown = ex;
		}
		finally {
			RECORDING.set(previous);
		}
		if (previous != null) {
			previous.addAll(events);
		}
		return new Recording(List.copyOf(events), thrown);
	}

	/** Code that publishes events. */
	@FunctionalInterface
	interface Block {

		void run() throws Throwable;

	}

	/** What a block published, and threw. */
	record Recording(List<TransitionEvent<?>> events, @Nullable Throwable thrown) {
	}

}
