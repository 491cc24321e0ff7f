/**
 * The public API of the FSM starter: the annotations that declare a workflow
 * ({@link dev.fsm.StateField}, {@link dev.fsm.Transition}), the
 * {@link dev.fsm.Transitions} facade that fires them, the events published around each
 * transition, the exceptions thrown when one is refused, the read-only workflow model,
 * its diagrams ({@link dev.fsm.WorkflowDiagrams}) and the Micrometer observation
 * convention of transitions ({@link dev.fsm.TransitionObservationConvention}; those types
 * need micrometer-observation on the classpath).
 * <p>
 * Everything in sub-packages is an implementation detail.
 */
@NullMarked
package dev.fsm;

import org.jspecify.annotations.NullMarked;
