/**
 * The JPA mapping of the audit table. The package holds nothing else, because the
 * auto-configuration registers it for entity scanning: whatever else lived here would be
 * scanned too.
 */
@NullMarked
package dev.fsm.audit.entity;

import org.jspecify.annotations.NullMarked;
