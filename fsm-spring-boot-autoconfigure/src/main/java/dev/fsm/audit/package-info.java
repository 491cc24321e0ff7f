/**
 * The audit trail: one record per committed transition, written in the transition's
 * transaction, and the {@link dev.fsm.TransitionHistory} that reads it.
 */
@NullMarked
package dev.fsm.audit;

import org.jspecify.annotations.NullMarked;
