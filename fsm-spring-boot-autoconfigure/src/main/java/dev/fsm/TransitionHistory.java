package dev.fsm;

import java.time.Instant;
import java.util.List;

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

}
