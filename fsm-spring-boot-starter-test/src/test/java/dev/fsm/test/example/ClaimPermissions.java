package dev.fsm.test.example;

import java.io.Serializable;

import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A permission evaluator, for {@code hasPermission(..)} in permissions: a component a
 * {@code @WorkflowTest} includes.
 */
@Component
public class ClaimPermissions implements PermissionEvaluator {

	@Override
	public boolean hasPermission(Authentication authentication, Object target, Object permission) {
		return false;
	}

	@Override
	public boolean hasPermission(Authentication authentication, Serializable targetId, String targetType,
			Object permission) {
		return false;
	}

}
