package dev.fsm;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Fires transitions and answers questions about them. The auto-configuration provides one
 * bean of this type.
 *
 * <pre class="code">
 * String message = transitions.on(report).approve();   // typed
 * transitions.fire(report, "approve");                 // by name
 * List&lt;TransitionRoute&gt; actions = transitions.allowed(report);
 * </pre>
 */
public interface Transitions {

	/** The transition name of the audit records that {@link #forceState} writes. */
	String FORCED = "(forced)";

	/**
	 * An argument of {@code fire(..)} that leaves out a Kotlin parameter with a default
	 * value, so that the default applies, as a Kotlin call that names its arguments
	 * leaves it out: {@code fire(order, "close", Transitions.DEFAULT, 3)} fires
	 * {@code close(copies = 3)} of
	 * {@code fun close(note: String = "done", copies: Int = 1)}. Arguments left out at
	 * the end take their defaults without it. Refused for a parameter without a default
	 * value.
	 *
	 * @since 0.2.0
	 */
	Object DEFAULT = new Object() {

		@Override
		public String toString() {
			return "default";
		}

	};

	/**
	 * A view of {@code entity} whose {@link Transition} methods fire transitions: the
	 * source state, conditions and permission are checked, events published, the entity
	 * saved, all in one transaction. Other methods pass through to the entity. Use the
	 * view only to fire transitions; keep passing the entity itself to repositories.
	 * @param entity a workflow entity, possibly a Hibernate proxy
	 * @return a proxy of the same type
	 */
	<T> T on(T entity);

	/**
	 * Fires a transition by name, for generic user interfaces and APIs.
	 * @param entity the workflow entity
	 * @param transition the transition name
	 * @param arguments the method arguments, without the entity for transitions declared
	 * on a bean; those of Kotlin parameters with default values may be left out at the
	 * end, or anywhere as {@link #DEFAULT}
	 * @return what the transition method returned
	 * @throws UnknownTransitionException when the entity has no such transition, or
	 * several of its workflows have one
	 * @throws InvalidTransitionArgumentsException when the arguments do not fit the
	 * method or break its parameters' constraints
	 * @throws TransitionNotAllowedException when the current state is not a source
	 */
	@Nullable Object fire(Object entity, String transition, @Nullable Object... arguments);

	/**
	 * Loads the entity by its id and fires a transition on it, in one transaction (joined
	 * or started): one read of its row, the transition's writes, one commit. The
	 * controller's path: <pre class="code">
	 * TransitionResult&lt;CaseReport&gt; result = transitions.fire(EntityRef.of(CaseReport.class, id), "submit");
	 * </pre> With {@link EntityRef#ifVersion(Object) an expected version}, an entity
	 * whose version differs is refused with a {@link ConcurrentTransitionException}
	 * before anything runs. When the transition fails after writing its {@code onError}
	 * state, that state is committed.
	 * @param entity the type and id (or id text) of the entity
	 * @throws UnknownEntityException when there is no entity with that id
	 * @throws TransitionException as {@link #fire(Object, String, Object...)}
	 */
	<T> TransitionResult<T> fire(EntityRef<T> entity, String transition, @Nullable Object... arguments);

	/**
	 * A view of the entity with this id whose {@link Transition} methods load it and fire
	 * the transition in one transaction, like
	 * {@link #fire(EntityRef, String, Object...)}: the typed form of firing by id. The
	 * view has no state of its own: its other methods throw. <pre class="code">
	 * String message = transitions.on(EntityRef.of(CaseReport.class, id)).approve();
	 * </pre>
	 */
	<T> T on(EntityRef<T> entity);

	/**
	 * The transitions whose source matches the current state and whose conditions hold,
	 * whoever the user is. A transition whose conditions need its method arguments is
	 * included (firing it checks them with the arguments); one whose guard throws is left
	 * out and logged.
	 * @throws UnknownStateException when the entity's state is NULL or not a state of its
	 * workflow
	 */
	List<TransitionRoute> available(Object entity);

	/**
	 * The {@link #available(Object) available} transitions that the current user may
	 * fire.
	 */
	List<TransitionRoute> allowed(Object entity);

	/**
	 * The {@link #available(Object) available} transitions that {@code user} may fire.
	 * Pass a Spring Security {@code Authentication} to have its authorities checked; any
	 * other principal is checked by name only, with no authorities.
	 */
	List<TransitionRoute> allowed(Object entity, Principal user);

	/**
	 * Every transition of every workflow of {@code entity}, each with whether the current
	 * user may fire it now and, if not, why: the answer a user interface renders as
	 * buttons and forms. A guard that throws makes its transition
	 * {@link TransitionOption.Status#GUARD_FAILED} (and is logged), never the whole
	 * answer fail.
	 * @throws UnknownStateException when the entity's state is NULL or not a state of its
	 * workflow
	 */
	List<TransitionOption> options(Object entity);

	/**
	 * Whether the current user may fire {@code transition} on {@code entity} now.
	 * @throws UnknownTransitionException when the entity has no such transition
	 */
	boolean can(Object entity, String transition);

	/**
	 * The current state of an entity with a single workflow, read from the entity behind
	 * a proxy or a {@link #on(Object) view}; {@code null} when the field is null. The
	 * value is returned as stored, even when it is no state of the workflow.
	 * @throws IllegalArgumentException when the entity has no workflow or several
	 */
	@Nullable String state(Object entity);

	/**
	 * The current state of one {@link StateField} of an entity, like
	 * {@link #state(Object)}.
	 * @throws IllegalArgumentException when the entity has no such state field
	 */
	@Nullable String state(Object entity, String field);

	/**
	 * Whether the current state of an entity with a single workflow is
	 * {@code stateOrGroup}, or one of the states of the {@link StateGroup} of that name:
	 * <pre class="code">
	 * if (transitions.isIn(order, "OPEN")) { .. }
	 * </pre>
	 * @throws IllegalArgumentException when the entity has no workflow or several, or
	 * when the name is neither a state nor a group of its workflow
	 * @since 0.5.0
	 */
	default boolean isIn(Object entity, String stateOrGroup) {
		return workflow(entity.getClass()).isIn(state(entity), stateOrGroup);
	}

	/**
	 * Whether the current state of one {@link StateField} of an entity is
	 * {@code stateOrGroup}, or one of the states of the group of that name, like
	 * {@link #isIn(Object, String)}.
	 * @throws IllegalArgumentException when the entity has no such state field, or the
	 * name is neither a state nor a group of its workflow
	 * @since 0.5.0
	 */
	default boolean isIn(Object entity, String field, String stateOrGroup) {
		return workflow(entity.getClass(), field).isIn(state(entity, field), stateOrGroup);
	}

	/**
	 * The workflow of an entity type that has a single {@link StateField}.
	 * @throws IllegalArgumentException when the type has no workflow or several
	 */
	Workflow workflow(Class<?> entityType);

	/**
	 * The workflow of one {@link StateField} of an entity type.
	 * @throws IllegalArgumentException when there is no such workflow
	 */
	Workflow workflow(Class<?> entityType, String field);

	/** Every workflow known to the application, ordered by name. */
	List<Workflow> workflows();

	/**
	 * The audit trail of {@code entity}, all workflows, newest first. For paging and
	 * reports, inject {@link TransitionHistory}.
	 * @throws IllegalStateException when the audit trail is off
	 */
	List<TransitionRecord> history(Object entity);

	/**
	 * Sets the state of an entity with a single workflow without firing a transition: the
	 * supported way for data migrations and repairs (a NULL or unknown state, a state a
	 * bulk update should have set). No source state, condition or permission is checked
	 * and no event is published; the write is saved in a transaction (joined or started),
	 * increments {@code @Version}, and is recorded in the audit trail with outcome
	 * {@link TransitionRecord.Outcome#FORCED FORCED}, transition {@value #FORCED}, the
	 * current actor and {@code reason} as description.
	 * @param state the state name, one of the workflow's states
	 * @param reason why, for the audit trail
	 * @throws IllegalArgumentException when {@code state} is not a state of the workflow
	 */
	void forceState(Object entity, String state, String reason);

	/**
	 * {@link #forceState(Object, String, String)} for one of several state fields.
	 * @param field the name of the {@link StateField}
	 */
	void forceState(Object entity, String field, String state, String reason);

	/**
	 * Runs {@code work} with {@code actor} as the acting user, for jobs that fire
	 * transitions outside a request. Events and the audit trail name the actor;
	 * permissions are checked against a user of that name with no authorities.
	 */
	<T extends @Nullable Object> T runAs(String actor, Supplier<T> work);

	/**
	 * Runs {@code work} as {@code user}; a Spring Security {@code Authentication} keeps
	 * its authorities.
	 */
	<T extends @Nullable Object> T runAs(Principal user, Supplier<T> work);

}
