/**
 * The words of workflows for people: labels, descriptions, confirmation questions and
 * refusals from Spring's {@code MessageSource}, the annotations, or the names in words.
 */
@NullMarked
package dev.fsm.messages;

import org.jspecify.annotations.NullMarked;
