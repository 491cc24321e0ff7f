/**
 * Auto-configuration of the FSM starter.
 */
@NullMarked
package dev.fsm.autoconfigure;

import org.jspecify.annotations.NullMarked;
