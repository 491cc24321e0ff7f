package dev.fsm.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import dev.fsm.TransitionAttempt;
import dev.fsm.Workflow;
import dev.fsm.spi.TransitionObserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Several observers wrap one attempt in their order, each seeing the attempt and what it
 * threw.
 */
class TransitionObserverUnitTests {

	private final List<String> log = new ArrayList<>();

	private final TransitionAttempt attempt = new TransitionAttempt(new Workflow("Lamp.state", Object.class, "Lamp",
			"state", String.class, List.of("OFF", "ON"), "OFF", List.of()), "switchOn", new Object(), null, null, "OFF",
			"ON", "anonymous", List.of(), null);

	@Test
	void wrapsTheExecutionInOrder() throws Throwable {
		TransitionObserver observer = TransitionObserver.of(List.of(named("outer"), named("inner")));
		Object result = observer.observe(this.attempt, execution(() -> {
			this.log.add("attempt");
			return "done";
		}));
		assertThat(result).isEqualTo("done");
		assertThat(this.log).containsExactly("outer before switchOn", "inner before switchOn", "attempt",
				"inner after ON", "outer after ON");
	}

	@Test
	void everyObserverSeesTheFailure() {
		TransitionObserver observer = TransitionObserver.of(List.of(named("outer"), named("inner")));
		assertThatIllegalStateException().isThrownBy(() -> observer.observe(this.attempt, execution(() -> {
			throw new IllegalStateException("refused");
		}))).withMessage("refused");
		assertThat(this.log).containsExactly("outer before switchOn", "inner before switchOn", "inner saw refused",
				"outer saw refused");
	}

	@Test
	void noObserversIsNone() {
		assertThat(TransitionObserver.of(List.of())).isSameAs(TransitionObserver.NONE);
	}

	private TransitionObserver named(String name) {
		return (attempt, execution) -> {
			this.log.add(name + " before " + attempt.transition());
			try {
				Object result = execution.proceed();
				this.log.add(name + " after " + execution.attempt().targetState());
				return result;
			}
			catch (Throwable ex) {
				this.log.add(name + " saw " + ex.getMessage());
				throw ex;
			}
		};
	}

	private TransitionObserver.Execution execution(Body body) {
		return new TransitionObserver.Execution() {

			@Override
			public @Nullable Object proceed() throws Throwable {
				return body.run();
			}

			@Override
			public TransitionAttempt attempt() {
				return TransitionObserverUnitTests.this.attempt;
			}

		};
	}

	@FunctionalInterface
	private interface Body {

		@Nullable Object run() throws Throwable;

	}

}
