/**
 * The public API of the FSM starter: the annotations that declare a workflow
 * ({@link dev.fsm.StateField}, {@link dev.fsm.Transition}), the {@link dev.fsm.Transitions}
 * facade that fires them, the events published around each transition, the exceptions
 * thrown when one is refused, and the read-only workflow model.
 * <p>
 * Everything in sub-packages is an implementation detail.
 */
@NullMarked
package dev.fsm;

import org.jspecify.annotations.NullMarked;
