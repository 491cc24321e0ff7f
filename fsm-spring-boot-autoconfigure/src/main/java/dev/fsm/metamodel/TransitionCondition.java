package dev.fsm.metamodel;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code @Transition(conditions = ..)} expression.
 * <p>
 * Public because the engine compiles and evaluates it.
 */
public interface TransitionCondition {

	/** The expression as declared; failures are reported by it. */
	String expression();

	/**
	 * The name refusals and tests show: a {@link dev.fsm.Condition}'s name, else the
	 * expression.
	 * @since 0.5.0
	 */
	default String name() {
		return expression();
	}

	/** Whether it is a {@link dev.fsm.Condition} used by name. */
	default boolean isNamed() {
		return !name().equals(expression());
	}

	/**
	 * What users are told when it does not hold, as declared
	 * ({@link dev.fsm.Condition#message()}); {@code null} when nothing was declared.
	 * @since 0.5.0
	 */
	default @Nullable MessageTemplate message() {
		return null;
	}

	/** Whether the condition holds. */
	boolean holds(GuardInput input);

	/**
	 * The {@code #variables} the expression reads, so that queries know which need
	 * arguments.
	 */
	default Set<String> variables() {
		return Set.of();
	}

	/**
	 * What the expression names on the entity (a bare property or method,
	 * {@code #entity.x}, or the entity through another variable) that cannot be read at
	 * run time, one phrase each
	 * ({@code "reads 'adress', which Parcel has no field or getter for: ..."}); empty
	 * when everything can be read, or the implementation cannot tell.
	 * @param entityType the workflow's entity type
	 * @param entityVariables the variables that hold the entity
	 */
	default List<String> unreadable(Class<?> entityType, Set<String> entityVariables) {
		return List.of();
	}

}
