package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the attribute that holds when the entity entered its current state: an
 * {@link java.time.Instant}, {@link java.time.OffsetDateTime} or
 * {@link java.time.LocalDateTime} (in the zone of the application's
 * {@link java.time.Clock}). The engine sets it, with the state, whenever a transition (or
 * {@link Transitions#forceState forceState}) changes the state; a transition that leaves
 * the state as it was (a self-loop, a check-only transition) leaves it too. Persisting a
 * new entity whose attribute is {@code null} sets it. A failed transition restores it
 * with the state.
 * <p>
 * Timed transitions ({@link Transition#after()}) need it: due entities are found with one
 * query by state and time, so index the two columns together, state first:
 * {@code @Index(columnList = "state, state_changed_at")}.
 * <p>
 * Unlike the state, the attribute is not protected: an import or a data migration may set
 * it (backdating it starts a timer earlier).
 *
 * <pre class="code">
 * &#64;StateChangedAt
 * Instant stateChangedAt;
 * </pre>
 *
 * @since 0.3.0
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StateChangedAt {

	/**
	 * The {@link StateField} whose changes this attribute records, by field name; needed
	 * only when the entity has several.
	 */
	String field() default "";

}
