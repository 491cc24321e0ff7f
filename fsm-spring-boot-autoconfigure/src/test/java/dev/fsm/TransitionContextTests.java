package dev.fsm;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link TransitionContext} is the one public door to the running transition:
 * applications read it; only the engine, which implements it, makes one current.
 */
class TransitionContextTests {

	@Test
	void applicationsReadTheRunningTransitionOnly() {
		assertThat(Arrays.stream(TransitionContext.class.getDeclaredMethods())
			.filter((method) -> Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers()))
			.map(Method::getName)
			.sorted()).containsExactly("current", "describe");
		assertThat(Arrays.stream(TransitionContext.class.getDeclaredConstructors())
			.allMatch((constructor) -> Modifier.isProtected(constructor.getModifiers()))).isTrue();
	}

	@Test
	void noTransitionRunsOutsideABody() {
		assertThat(TransitionContext.current()).isEmpty();
		assertThatIllegalStateException().isThrownBy(() -> TransitionContext.describe("Sent back"))
			.withMessage("TransitionContext.describe(..) was called outside a transition body");
	}

}
