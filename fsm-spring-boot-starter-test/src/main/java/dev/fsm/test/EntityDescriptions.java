package dev.fsm.test;

import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.context.ApplicationContext;
import org.springframework.core.InfrastructureProxy;
import org.springframework.util.ClassUtils;

/**
 * Names entities in failure messages as the engine does: {@code CaseReport#42}, or
 * {@code CaseReport (unsaved)} for one without an id.
 */
final class EntityDescriptions {

	private EntityDescriptions() {
	}

	static String describe(Object entity, ApplicationContext context) {
		Object target = unwrap(entity);
		Object id = identifier(target, context);
		return ClassUtils.getUserClass(target).getSimpleName() + ((id != null) ? "#" + id : " (unsaved)");
	}

	/** The entity behind a {@code transitions.on(entity)} view. */
	static Object unwrap(Object entity) {
		if (entity instanceof InfrastructureProxy view) {
			return view.getWrappedObject();
		}
		if (entity instanceof Advised advised) {
			try {
				Object target = advised.getTargetSource().getTarget();
				if (target != null) {
					return target;
				}
			}
			catch (Exception ex) {
				// not a view: describe the proxy itself
			}
		}
		return entity;
	}

	private static @Nullable Object identifier(Object entity, ApplicationContext context) {
		EntityManagerFactory entityManagerFactory = context.getBeanProvider(EntityManagerFactory.class).getIfUnique();
		if (entityManagerFactory == null) {
			return null;
		}
		try {
			return entityManagerFactory.getPersistenceUnitUtil().getIdentifier(entity);
		}
		catch (IllegalArgumentException ex) {
			// not a JPA entity: a plain workflow object
			return null;
		}
	}

}
