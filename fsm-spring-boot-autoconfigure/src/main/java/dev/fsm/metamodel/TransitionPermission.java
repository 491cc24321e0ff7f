package dev.fsm.metamodel;

import java.security.Principal;
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

	/** The {@code #variables} the expression reads, so that queries know which need arguments. */
	default Set<String> variables() {
		return Set.of();
	}

}
