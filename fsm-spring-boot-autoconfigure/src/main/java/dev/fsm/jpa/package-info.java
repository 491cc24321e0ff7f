/**
 * JPA integration: saving entities inside the transition, ids, versions and Hibernate
 * proxies.
 */
@NullMarked
package dev.fsm.jpa;

import org.jspecify.annotations.NullMarked;
