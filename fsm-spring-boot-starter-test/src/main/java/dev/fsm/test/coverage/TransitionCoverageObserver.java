package dev.fsm.test.coverage;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;

import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;
import dev.fsm.spi.TransitionObserver;

/**
 * Counts every attempt of a test's application context for the coverage of its JVM:
 * committed, refused by the checks, or failed after them. Once the context has started it
 * declares every workflow, so that transitions no test fired are reported too. The
 * outermost observer, so it counts what any other observer lets through or throws.
 */
final class TransitionCoverageObserver implements TransitionObserver, SmartInitializingSingleton, Ordered {

	private final ObjectProvider<Transitions> transitions;

	private final CoverageRecorder recorder;

	TransitionCoverageObserver(ObjectProvider<Transitions> transitions, CoverageRecorder recorder) {
		this.transitions = transitions;
		this.recorder = recorder;
	}

	/**
	 * The observer of a test context, recording for this JVM: a factory method, not a
	 * supplier, for AOT.
	 */
	static TransitionCoverageObserver ofThisJvm(ObjectProvider<Transitions> transitions) {
		return new TransitionCoverageObserver(transitions, CoverageRecorder.jvm());
	}

	@Override
	public void afterSingletonsInstantiated() {
		Transitions transitions = this.transitions.getIfUnique();
		if (transitions != null) {
			transitions.workflows().forEach(this.recorder::declare);
		}
	}

	@Override
	public @Nullable Object observe(TransitionAttempt attempt, Execution execution) throws Throwable {
		try {
			Object result = execution.proceed();
			record(execution.attempt(), CoverageOutcome.COMMITTED);
			return result;
		}
		catch (TransitionNotAllowedException | TransitionConditionException | TransitionDeniedException ex) {
			record(execution.attempt(), CoverageOutcome.REFUSED);
			throw ex;
		}
		catch (Throwable ex) {
			record(execution.attempt(), CoverageOutcome.FAILED);
			throw ex;
		}
	}

	private void record(TransitionAttempt attempt, CoverageOutcome outcome) {
		this.recorder.record(attempt.workflow(), attempt.transition(), attempt.sourceState(), outcome);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
