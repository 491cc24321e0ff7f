/**
 * Running workflows in production: the check of stored states against the declared ones,
 * the gauges of entities per state and of stuck entities, the time spent in a state, and
 * the health indicator. Not API.
 */
@NullMarked
package dev.fsm.operations;

import org.jspecify.annotations.NullMarked;
