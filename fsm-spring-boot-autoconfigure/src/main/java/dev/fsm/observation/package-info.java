/**
 * Micrometer observations of transition attempts: one {@code fsm.transition} observation
 * per attempt, which becomes a timer with a meter registry and a span with tracing.
 * Applications customise them with a {@link dev.fsm.TransitionObservationConvention}
 * bean; everything in this package is an implementation detail.
 */
@NullMarked
package dev.fsm.observation;

import org.jspecify.annotations.NullMarked;
