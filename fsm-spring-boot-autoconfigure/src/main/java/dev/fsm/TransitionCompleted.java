package dev.fsm;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A transition committed (or will commit with its transaction): a small value that names
 * the entity instead of holding it, published next to every {@link PostTransitionEvent}.
 * It is the event for side effects that must not be lost: an event publication registry
 * (Spring Modulith's) records it, in the transition's transaction, for each transactional
 * listener and serialises it; a listener that did not complete receives it again.
 * Listeners reload the entity with {@link #entity(Class)}. Use
 * {@link PostTransitionEvent} for listeners that need the entity instance, the
 * transition's return value, or that run inside the transaction.
 *
 * <pre class="code">
 * &#64;ApplicationModuleListener
 * void mail(TransitionCompleted event) {
 *     if (event.is("CaseReport", "approve")) {
 *         CaseReport report = reports.findById(Long.valueOf(event.entityId())).orElseThrow();
 *         ...
 *     }
 * }
 * </pre>
 *
 * @param entityType the entity name, as the audit trail writes it ({@code CaseReport})
 * @param entityId the entity's id as text, as the audit trail writes it
 * @param workflow the workflow name
 * @param transition the transition name
 * @param source the state the entity was in
 * @param target the state it moved to; the source for a transition without a target
 * @param actor who fired it
 * @param at when, by the application's {@link java.time.Clock}
 * @param arguments the transition method's arguments by parameter name, as text: strings,
 * numbers, booleans, characters, enum constants (their names), UUIDs and
 * {@code java.time} values; arguments of other types (entities, collections, objects of
 * the application) are left out
 * @since 0.3.0
 */
public record TransitionCompleted(String entityType, String entityId, String workflow, String transition,
		@Nullable String source, @Nullable String target, String actor, Instant at,
		Map<String, String> arguments) implements Serializable {

	private static final long serialVersionUID = 1L;

	public TransitionCompleted {
		arguments = arguments.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
	}

	/**
	 * Whether this is transition {@code transition} of an entity named
	 * {@code entityType}.
	 */
	public boolean is(String entityType, String transition) {
		return this.entityType.equals(entityType) && this.transition.equals(transition);
	}

	/**
	 * The entity, for {@link Transitions#fire(EntityRef, String, Object...)} or loading
	 * it.
	 */
	public <T> EntityRef<T> entity(Class<T> type) {
		return EntityRef.of(type, this.entityId);
	}

}
