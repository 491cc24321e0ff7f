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

	private final Workflow workflow;

	private final String transition;

	private final String sourceState;

	private final @Nullable String targetState;

	private final String actor;

	private final List<@Nullable Object> arguments;

	protected TransitionEvent(T entity, Workflow workflow, String transition, String sourceState,
			@Nullable String targetState, String actor, List<@Nullable Object> arguments) {
		super(entity);
		this.workflow = workflow;
		this.transition = transition;
		this.sourceState = sourceState;
		this.targetState = targetState;
		this.actor = actor;
		this.arguments = arguments;
	}

	/** The entity the transition fired on. */
	@SuppressWarnings("unchecked")
	public T getEntity() {
		return (T) getSource();
	}

	/** The workflow the transition belongs to. */
	public Workflow getWorkflow() {
		return this.workflow;
	}

	/** The transition name. */
	public String getTransition() {
		return this.transition;
	}

	/** The state the entity was in when the transition was fired. */
	public String getSourceState() {
		return this.sourceState;
	}

	/**
	 * The state the transition moves to: the declared target, the state chosen by a dynamic
	 * transition once its body has returned, or the source state for a check-only transition.
	 * {@code null} in a {@link PreTransitionEvent} of a dynamic transition, whose body has not
	 * chosen yet.
	 */
	public @Nullable String getTargetState() {
		return this.targetState;
	}

	/** Who fired the transition: the authenticated user's name, a job actor, or {@code anonymous}. */
	public String getActor() {
		return this.actor;
	}

	/** The arguments of the transition method. */
	public List<@Nullable Object> getArguments() {
		return this.arguments;
	}

	@Override
	public ResolvableType getResolvableType() {
		return ResolvableType.forClassWithGenerics(getClass(), this.workflow.entityType());
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.workflow.name() + "." + this.transition + ": "
				+ this.sourceState + " -> " + this.targetState + " by " + this.actor + "]";
	}

}
