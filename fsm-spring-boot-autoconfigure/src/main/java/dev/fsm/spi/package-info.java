/**
 * The extension points of the FSM starter: interfaces an application may implement,
 * supported and versioned like the API in {@code dev.fsm}. They depend on API types, the
 * JDK and Spring only.
 * <ul>
 * <li>{@link dev.fsm.spi.EntityStore}: how the engine saves entities, with the optional
 * capabilities {@link dev.fsm.spi.EntityFinder} (loading by id) and
 * {@link dev.fsm.spi.EntityLocking} (row locks);</li>
 * <li>{@link dev.fsm.spi.TransitionRecorder}: records transitions in their transaction
 * (the audit trail is one);</li>
 * <li>{@link dev.fsm.spi.TransitionObserver}: wraps every transition attempt (metrics,
 * tracing);</li>
 * <li>{@link dev.fsm.spi.ActorProvider}: who is firing transitions.</li>
 * </ul>
 * An application declares a bean of one of these types; the auto-configuration uses it
 * instead of, or next to, its own.
 */
@NullMarked
package dev.fsm.spi;

import org.jspecify.annotations.NullMarked;
