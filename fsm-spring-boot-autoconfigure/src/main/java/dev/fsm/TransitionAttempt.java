package dev.fsm;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to fire a transition, as a value: which transition of which workflow, on
 * which entity, by whom, from which state to which. The same value travels from the
 * checks to the {@linkplain TransitionEvent events}, the {@linkplain TransitionRecord
 * audit record} and the {@linkplain TransitionObservationContext observation}; what
 * becomes known later (a dynamic target, the id and the managed copy of a saved entity)
 * comes as a new value.
 *
 * @param workflow the workflow of the transition
 * @param transition the transition name ({@value Transitions#FORCED} for
 * {@link Transitions#forceState forceState})
 * @param entity the entity: the managed copy once a detached entity was merged
 * @param entityId the entity's id, {@code null} while it has none
 * @param version the entity's {@code @Version}: as loaded before the transition changed
 * anything, as saved once it was saved; {@code null} without {@code @Version} or for a
 * new entity
 * @param sourceState the state the entity was in; {@code null} only when a forced state
 * replaced a NULL column
 * @param targetState the state the transition moves to; {@code null} while a dynamic
 * transition's body has not chosen
 * @param actor who fired it: the authenticated user's name, a job actor, or
 * {@code anonymous}
 * @param arguments the arguments of the transition method, unmodifiable
 * @param description the description of this firing: the declared one, or what the body
 * set with {@link TransitionContext#describe(String)}; {@code null} when neither
 * @since 0.2.0
 */
public record TransitionAttempt(Workflow workflow, String transition, Object entity, @Nullable Object entityId,
		@Nullable Object version, @Nullable String sourceState, @Nullable String targetState, String actor,
		List<@Nullable Object> arguments, @Nullable String description) {

	/**
	 * The class of an unmodifiable view of an array-backed list: such a list needs no
	 * second view.
	 */
	private static final Class<?> UNMODIFIABLE_LIST = Collections.unmodifiableList(Arrays.asList()).getClass();

	public TransitionAttempt {
		if (arguments.getClass() != UNMODIFIABLE_LIST) {
			arguments = Collections.unmodifiableList(arguments);
		}
	}

	/** The entity class of the workflow. */
	public Class<?> entityType() {
		return this.workflow.entityType();
	}

}
