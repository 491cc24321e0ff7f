/**
 * Spring Security integration: the current user as the transition actor, and permission
 * expressions evaluated like {@code @PreAuthorize}.
 */
@NullMarked
package dev.fsm.security;

import org.jspecify.annotations.NullMarked;
