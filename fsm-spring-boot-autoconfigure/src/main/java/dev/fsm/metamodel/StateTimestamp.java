package dev.fsm.metamodel;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * Reads and writes the {@link dev.fsm.StateChangedAt} attribute of a workflow: when the
 * entity entered its current state, as the attribute's type holds time.
 * <p>
 * Public because the engine, the JPA integration and the timers use it.
 */
public final class StateTimestamp {

	private final Field field;

	private final Function<Clock, Object> now;

	private StateTimestamp(Field field, Function<Clock, Object> now) {
		ReflectionUtils.makeAccessible(field);
		this.field = field;
		this.now = now;
	}

	/**
	 * The accessor of {@code field}, or {@code null} when its type holds no time the
	 * engine can set.
	 */
	static @Nullable StateTimestamp of(Field field) {
		Class<?> type = field.getType();
		if (type == Instant.class) {
			return new StateTimestamp(field, Clock::instant);
		}
		if (type == OffsetDateTime.class) {
			return new StateTimestamp(field, OffsetDateTime::now);
		}
		if (type == LocalDateTime.class) {
			return new StateTimestamp(field, LocalDateTime::now);
		}
		return null;
	}

	/** The attribute's value for the present moment of {@code clock}. */
	public Object now(Clock clock) {
		return this.now.apply(clock);
	}

	/**
	 * The latest value an entity may hold to have been in its state for {@code duration}
	 * at the present moment of {@code clock}: the bound of a due-entity query.
	 */
	public Object dueBound(Clock clock, Duration duration) {
		return this.now.apply(Clock.offset(clock, duration.negated()));
	}

	public @Nullable Object get(Object entity) {
		return ReflectionUtils.getField(this.field, entity);
	}

	/** Sets the attribute to the present moment of {@code clock}. */
	public void touch(Object entity, Clock clock) {
		ReflectionUtils.setField(this.field, entity, now(clock));
	}

	public Field field() {
		return this.field;
	}

}
