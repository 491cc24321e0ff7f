package dev.fsm.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.expression.method.MethodSecurityExpressionHandler;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.spi.ActorProvider;

/**
 * The beans of this package, with Spring Security: the actor from the current
 * {@code Authentication} (unless the application declares its own {@link ActorProvider})
 * and the compiler of {@code permission} expressions, evaluated like
 * {@code @PreAuthorize}. Imported by the auto-configuration.
 * <p>
 * Public for {@link #permissionCompiler}, with which workflows are read from the class
 * path without an application context; the beans' types are package-private.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(MethodSecurityExpressionHandler.class)
public final class SecurityConfiguration {

	/**
	 * Permissions as {@code @PreAuthorize} expressions with Spring Security's default
	 * expression handler, for reading workflows without an application context.
	 */
	public static PermissionCompiler permissionCompiler(GuardEvaluationContexts contexts) {
		return new SecurityPermissionCompiler(new DefaultMethodSecurityExpressionHandler(),
				SecurityContextHolder.getContextHolderStrategy(), contexts);
	}

	@Bean
	@ConditionalOnMissingBean(ActorProvider.class)
	SecurityActorProvider fsmActorProvider(ObjectProvider<SecurityContextHolderStrategy> strategy) {
		return new SecurityActorProvider(strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy));
	}

	@Bean
	@ConditionalOnMissingBean(PermissionCompiler.class)
	SecurityPermissionCompiler fsmPermissionCompiler(ObjectProvider<MethodSecurityExpressionHandler> handler,
			ObjectProvider<SecurityContextHolderStrategy> strategy, ObjectProvider<RoleHierarchy> roleHierarchy,
			ObjectProvider<PermissionEvaluator> permissionEvaluator, GuardEvaluationContexts contexts,
			ApplicationContext applicationContext) {
		MethodSecurityExpressionHandler expressionHandler = handler.getIfUnique(() -> {
			DefaultMethodSecurityExpressionHandler defaultHandler = new DefaultMethodSecurityExpressionHandler();
			defaultHandler.setApplicationContext(applicationContext);
			roleHierarchy.ifUnique(defaultHandler::setRoleHierarchy);
			permissionEvaluator.ifUnique(defaultHandler::setPermissionEvaluator);
			return defaultHandler;
		});
		return new SecurityPermissionCompiler(expressionHandler,
				strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy), contexts);
	}

}
