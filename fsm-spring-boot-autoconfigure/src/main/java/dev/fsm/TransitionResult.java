package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * What firing a transition by id gives back: the entity as the transition left it (loaded
 * and saved in the transition's transaction, detached once it committed), what the
 * transition method returned, and the entity's state and version afterwards, the answer a
 * controller renders without reading the row again.
 *
 * @param entity the entity, with its new state and version
 * @param value what the transition method returned
 * @param state the state of the transition's workflow afterwards
 * @param version the entity's {@code @Version} afterwards (an HTTP {@code ETag}),
 * {@code null} without one
 * @param <T> the entity type
 * @since 0.2.0
 */
public record TransitionResult<T>(T entity, @Nullable Object value, @Nullable String state, @Nullable Object version) {

}
