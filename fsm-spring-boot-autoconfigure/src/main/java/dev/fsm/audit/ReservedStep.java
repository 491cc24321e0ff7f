package dev.fsm.audit;

import java.time.Instant;

/**
 * The place a running transition will take in the history of its entity and workflow: the step
 * after the last one recorded when it passed its checks, and the time it did.
 *
 * @param entity the entity instance the transition was fired on
 * @param workflow the workflow name
 */
record ReservedStep(Object entity, String workflow, long sequence, Instant occurredAt) {

}
