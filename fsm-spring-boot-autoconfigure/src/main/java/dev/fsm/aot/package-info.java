/**
 * Ahead-of-time processing: the runtime hints of what the starter reaches reflectively
 * (workflow entities, flow beans, events, the console's files, the schema scripts) and
 * the {@code transitions.on(entity)} view classes generated at build time, for
 * applications that run AOT-processed or as a native image.
 */
@NullMarked
package dev.fsm.aot;

import org.jspecify.annotations.NullMarked;
