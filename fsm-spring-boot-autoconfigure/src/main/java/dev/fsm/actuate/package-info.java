/**
 * The Actuator endpoint {@code workflows}: every workflow as JSON, and each one as JSON,
 * Mermaid, DOT or SVG.
 */
@NullMarked
package dev.fsm.actuate;

import org.jspecify.annotations.NullMarked;
