/**
 * The HTTP API of workflows: list, inspect and fire transitions over HTTP, with RFC 9457
 * problem responses. Off unless {@code fsm.web.enabled=true}.
 */
@NullMarked
package dev.fsm.web;

import org.jspecify.annotations.NullMarked;
