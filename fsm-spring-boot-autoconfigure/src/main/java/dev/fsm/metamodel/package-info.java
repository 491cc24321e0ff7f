/**
 * The workflow metamodel: built once at start-up from {@code @StateField} and
 * {@code @Transition} declarations, validated, and read on the hot path without
 * reflection lookups.
 */
@NullMarked
package dev.fsm.metamodel;

import org.jspecify.annotations.NullMarked;
