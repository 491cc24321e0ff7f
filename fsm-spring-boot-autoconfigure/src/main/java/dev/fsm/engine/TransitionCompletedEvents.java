package dev.fsm.engine;

import java.time.Clock;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;

import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionCompleted;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.spi.EntityStore;

/**
 * Turns a completed attempt into the serialisable {@link TransitionCompleted}: the entity
 * by name and id text, the arguments that are plain values as text.
 */
final class TransitionCompletedEvents {

	private TransitionCompletedEvents() {
	}

	/**
	 * {@code event} as the application event that publishing it would make, with its type
	 * known in advance instead of worked out on every publish.
	 * @param source the publisher, the source Spring gives a payload event
	 */
	static PayloadApplicationEvent<TransitionCompleted> published(Object source, TransitionCompleted event) {
		return new Published(source, event);
	}

	static TransitionCompleted of(TransitionAttempt completed, TransitionModel transition, EntityStore store,
			Clock clock) {
		Object id = completed.entityId();
		String entityId = (id != null) ? store.formatId(completed.entityType(), id) : "";
		String target = (completed.targetState() != null) ? completed.targetState() : completed.sourceState();
		return new TransitionCompleted(completed.workflow().entityName(), entityId, completed.workflow().name(),
				completed.transition(), completed.sourceState(), target, completed.actor(), clock.instant(),
				arguments(transition.parameterNameList(), completed.arguments()));
	}

	/**
	 * The method's arguments, the entity of a flow bean's method among them (and left
	 * out: no plain value).
	 */
	private static Map<String, String> arguments(List<String> names, List<@Nullable Object> values) {
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, String> arguments = new LinkedHashMap<>();
		for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
			String text = text(values.get(i));
			if (text != null) {
				arguments.put(names.get(i), text);
			}
		}
		return arguments;
	}

	private static @Nullable String text(@Nullable Object value) {
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
				|| value instanceof Character || value instanceof UUID || value instanceof TemporalAccessor
				|| value instanceof TemporalAmount) {
			return value.toString();
		}
		return null;
	}

	/**
	 * A {@link TransitionCompleted} on its way to listeners and the event publication
	 * registry.
	 */
	private static final class Published extends PayloadApplicationEvent<TransitionCompleted> {

		private static final long serialVersionUID = 1L;

		private static final ResolvableType PAYLOAD_TYPE = ResolvableType.forClass(TransitionCompleted.class);

		private static final ResolvableType TYPE = ResolvableType.forClass(Published.class);

		Published(Object source, TransitionCompleted payload) {
			super(source, payload, PAYLOAD_TYPE);
		}

		@Override
		public ResolvableType getResolvableType() {
			return TYPE;
		}

	}

}
