package dev.fsm;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * Base class of the events published around a transition. The type parameter is the
 * entity type, so {@code @EventListener void on(PostTransitionEvent<CaseReport> event)}
 * receives the events of {@code CaseReport} only.
 *
 * @param <T> the entity type
 */
public abstract class TransitionEvent<T> extends ApplicationEvent implements ResolvableTypeProvider {

	/**
	 * The generic types of the event classes of each entity type, made once: the event
	 * multicaster looks its listeners up by the type on every publish. Kept with the
	 * entity class, so that a class loader that goes away takes its entries along.
	 */
	private static final ClassValue<EventTypes> TYPES = new ClassValue<>() {

		@Override
		protected EventTypes computeValue(Class<?> entityType) {
			return new EventTypes(entityType);
		}

	};

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
	 * The state the transition moves to: the declared target, the state chosen by a
	 * dynamic transition once its body has returned, or the source state for a check-only
	 * transition. {@code null} in a {@link PreTransitionEvent} of a dynamic transition,
	 * whose body has not chosen yet.
	 */
	public @Nullable String getTargetState() {
		return this.attempt.targetState();
	}

	/**
	 * Who fired the transition: the authenticated user's name, a job actor, or
	 * {@code anonymous}.
	 */
	public String getActor() {
		return this.attempt.actor();
	}

	/** The arguments of the transition method. */
	public List<@Nullable Object> getArguments() {
		return this.attempt.arguments();
	}

	@Override
	public ResolvableType getResolvableType() {
		return TYPES.get(this.attempt.entityType()).of(getClass());
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.attempt.workflow().name() + "." + this.attempt.transition()
				+ ": " + this.attempt.sourceState() + " -> " + this.attempt.targetState() + " by "
				+ this.attempt.actor() + "]";
	}

	/**
	 * {@code PreTransitionEvent<E>}, {@code PostTransitionEvent<E>}, ... of one entity
	 * type {@code E}.
	 */
	private static final class EventTypes {

		private final Class<?> entityType;

		private final ResolvableType pre;

		private final ResolvableType post;

		private final ResolvableType failed;

		private final Map<Class<?>, ResolvableType> others = new ConcurrentHashMap<>(2);

		EventTypes(Class<?> entityType) {
			this.entityType = entityType;
			this.pre = ResolvableType.forClassWithGenerics(PreTransitionEvent.class, entityType);
			this.post = ResolvableType.forClassWithGenerics(PostTransitionEvent.class, entityType);
			this.failed = ResolvableType.forClassWithGenerics(TransitionFailedEvent.class, entityType);
		}

		ResolvableType of(Class<?> eventType) {
			if (eventType == PostTransitionEvent.class) {
				return this.post;
			}
			if (eventType == PreTransitionEvent.class) {
				return this.pre;
			}
			if (eventType == TransitionFailedEvent.class) {
				return this.failed;
			}
			return this.others.computeIfAbsent(eventType,
					(subclass) -> ResolvableType.forClassWithGenerics(subclass, this.entityType));
		}

	}

}
