/**
 * Timed transitions: a scheduler that finds entities due for a
 * {@code @Transition(after = ..)} with one indexed query per timed route, claims each row
 * ({@code FOR UPDATE SKIP LOCKED} where the database has it) and fires the transition
 * through the engine, one transaction each.
 */
@NullMarked
package dev.fsm.timer;

import org.jspecify.annotations.NullMarked;
