/**
 * The workflow console: a small operator's UI served from the library jar (static HTML,
 * CSS and plain JavaScript) that talks to the HTTP API. Off unless
 * {@code fsm.console.enabled=true}.
 */
@NullMarked
package dev.fsm.console;

import org.jspecify.annotations.NullMarked;
