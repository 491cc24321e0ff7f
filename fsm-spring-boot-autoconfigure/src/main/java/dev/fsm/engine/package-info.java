/**
 * The transition engine: the advice around {@code @Transition} methods and the executor
 * that runs one transition in the documented order, calling the extension points of
 * {@code dev.fsm.spi} (persistence, actor, observation, recording). Internal.
 */
@NullMarked
package dev.fsm.engine;

import org.jspecify.annotations.NullMarked;
