package dev.fsm.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Permissions of transitions.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.security")
public class FsmSecurityProperties {

	/**
	 * Permission (a Spring Security expression) of every transition that declares none,
	 * for every way of firing it, e.g. isAuthenticated(). Unset: such transitions are
	 * open to everyone who can call the code that fires them.
	 */
	private @Nullable String defaultPermission;

	public @Nullable String getDefaultPermission() {
		return this.defaultPermission;
	}

	public void setDefaultPermission(@Nullable String defaultPermission) {
		this.defaultPermission = defaultPermission;
	}

}
