/**
 * Bean Validation of transition arguments: the constraints declared on a transition
 * method's parameters, checked by the engine for every way of firing it. Used only when
 * {@code jakarta.validation} and a validator are present.
 */
@NullMarked
package dev.fsm.validation;

import org.jspecify.annotations.NullMarked;
