package dev.fsm.metamodel;

import java.util.Set;

/**
 * A compiled {@code @Transition(conditions = ..)} expression.
 * <p>
 * Public because the engine compiles and evaluates it.
 */
public interface TransitionCondition {

	/** The expression as declared; failures are reported by it. */
	String expression();

	/** Whether the condition holds. */
	boolean holds(GuardInput input);

	/** The {@code #variables} the expression reads, so that queries know which need arguments. */
	default Set<String> variables() {
		return Set.of();
	}

}
