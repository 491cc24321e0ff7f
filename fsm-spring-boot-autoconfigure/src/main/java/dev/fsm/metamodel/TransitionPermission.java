package dev.fsm.metamodel;

import java.security.Principal;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A compiled {@code @Transition(permission = ..)} expression.
 * <p>
 * Public because the security integration implements it.
 */
public interface TransitionPermission {

	/** The expression as declared. */
	String expression();

	/**
	 * Whether {@code user} may fire the transition.
	 * @param user the user to check, {@code null} for the current user
	 */
	boolean isGranted(GuardInput input, @Nullable Principal user);

	/**
	 * The {@code #variables} the expression reads, so that queries know which need
	 * arguments.
	 */
	default Set<String> variables() {
		return Set.of();
	}

	/**
	 * What the expression names on the entity ({@code #entity.x}, or the entity through
	 * another variable) that cannot be read at run time, one phrase each; empty when
	 * everything can be read, or the implementation cannot tell.
	 * @param entityType the workflow's entity type
	 * @param entityVariables the variables that hold the entity
	 */
	default List<String> unreadable(Class<?> entityType, Set<String> entityVariables) {
		return List.of();
	}

}
