package dev.fsm;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/**
 * Queries the audit trail. A bean of this type exists when the audit trail is on (JPA and
 * Spring Data present, {@code fsm.audit.enabled} not {@code false}).
 */
public interface TransitionHistory {

	/** Every record of an entity, all workflows, newest first. */
	List<TransitionRecord> of(Object entity);

	/** One page of the records of an entity, newest first. */
	Page<TransitionRecord> of(Object entity, Pageable pageable);

	/** The records of one actor in {@code [from, to)}, newest first. */
	Page<TransitionRecord> byActor(String actor, Instant from, Instant to, Pageable pageable);

	/** All records in {@code [from, to)}, newest first. */
	Page<TransitionRecord> between(Instant from, Instant to, Pageable pageable);

	/**
	 * For each of these entities, the newest record that moved it into {@code state} of
	 * {@code workflow}: when it entered the state it is in. Keyed by the entity id as
	 * records write it ({@link TransitionRecord#entityId()}); an entity without such a
	 * record is absent. The default reads each entity's history; the JPA history answers
	 * in one query.
	 * @since 0.2.0
	 */
	default Map<String, TransitionRecord> enteredState(String workflow, String state, Collection<?> entities) {
		Map<String, TransitionRecord> entered = new LinkedHashMap<>();
		for (Object entity : entities) {
			for (TransitionRecord record : of(entity)) {
				if (record.workflow().equals(workflow) && record.targetState().equals(state)) {
					entered.put(record.entityId(), record);
					break;
				}
			}
		}
		return entered;
	}

}
