/**
 * Micrometer observations of transition attempts: one {@code fsm.transition} observation
 * per attempt, which becomes a timer with a meter registry and a span with tracing.
 */
@NullMarked
package dev.fsm.observation;

import org.jspecify.annotations.NullMarked;
