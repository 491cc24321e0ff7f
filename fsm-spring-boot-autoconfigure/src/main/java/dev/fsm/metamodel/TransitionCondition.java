package dev.fsm.metamodel;

/**
 * A compiled {@code @Transition(conditions = ..)} expression.
 */
public interface TransitionCondition {

	/** The expression as declared; failures are reported by it. */
	String expression();

	/** Whether the condition holds. */
	boolean holds(GuardInput input);

}
