/**
 * The transition engine: the advice around {@code @Transition} methods, the executor that runs
 * one transition in the documented order, and the small SPIs it calls (persistence, actor,
 * observation, recording).
 */
@NullMarked
package dev.fsm.engine;

import org.jspecify.annotations.NullMarked;
