/**
 * Kotlin support that Kotlin code uses directly: the coroutine context element that
 * carries the caller of a coroutine onto the threads it runs on. Needs
 * kotlinx-coroutines; nothing here is loaded otherwise.
 */
@NullMarked
package dev.fsm.kotlin;

import org.jspecify.annotations.NullMarked;
