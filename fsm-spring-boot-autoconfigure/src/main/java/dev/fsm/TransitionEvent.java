package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * Base class of the events published around a transition. The type parameter is the entity
 * type, so {@code @EventListener void on(PostTransitionEvent<CaseReport> event)} receives the
 * events of {@code CaseReport} only.
 *
 * @param <T> the entity type
 */
public abstract class TransitionEvent<T> extends ApplicationEvent implements ResolvableTypeProvider {

	private final TransitionAttempt attempt;

	protected TransitionEvent(TransitionAttempt attempt) {
		super(attempt.entity());
		this.attempt = attempt;
	}

	/** The attempt this event reports, as a value. */
	public TransitionAttempt getAttempt() {
		return this.attempt;
	}

	/** The entity the transition fired on. */
	@SuppressWarnings("unchecked")
	public T getEntity() {
		return (T) getSource();
	}

	/** The workflow the transition belongs to. */
	public Workflow getWorkflow() {
		return this.attempt.workflow();
	}

	/** The transition name. */
	public String getTransition() {
		return this.attempt.transition();
	}

	/** The state the entity was in when the transition was fired. */
	public String getSourceState() {
		return String.valueOf(this.attempt.sourceState());
	}

	/**
	 * The state the transition moves to: the declared target, the state chosen by a dynamic
	 * transition once its body has returned, or the source state for a check-only transition.
	 * {@code null} in a {@link PreTransitionEvent} of a dynamic transition, whose body has not
	 * chosen yet.
	 */
	public @Nullable String getTargetState() {
		return this.attempt.targetState();
	}

	/** Who fired the transition: the authenticated user's name, a job actor, or {@code anonymous}. */
	public String getActor() {
		return this.attempt.actor();
	}

	/** The arguments of the transition method. */
	public List<@Nullable Object> getArguments() {
		return this.attempt.arguments();
	}

	@Override
	public ResolvableType getResolvableType() {
		return ResolvableType.forClassWithGenerics(getClass(), this.attempt.entityType());
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.attempt.workflow().name() + "." + this.attempt.transition()
				+ ": " + this.attempt.sourceState() + " -> " + this.attempt.targetState() + " by "
				+ this.attempt.actor() + "]";
	}

}
