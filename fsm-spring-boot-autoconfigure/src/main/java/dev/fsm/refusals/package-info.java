/**
 * The refusals made outside the engine, built in one place: the audit trail's, the flush
 * guard's and the HTTP API's early check. The engine builds its own in
 * {@code engine/TransitionErrors}; no other class constructs an exception of the API
 * ({@code ArchitectureTests}). Uses the API only; an implementation detail.
 */
@NullMarked
package dev.fsm.refusals;

import org.jspecify.annotations.NullMarked;
