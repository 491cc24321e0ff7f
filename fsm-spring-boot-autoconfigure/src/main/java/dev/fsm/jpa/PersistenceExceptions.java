package dev.fsm.jpa;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.support.DataAccessUtils;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.util.ClassUtils;

/**
 * Translates exceptions of the persistence provider to Spring's
 * {@link DataAccessException} hierarchy, the way a Spring Data repository would:
 * Hibernate's with Spring's Hibernate dialect (a too long value is a
 * {@code DataIntegrityViolationException}), other providers' with the JPA rules. Used by
 * every class of the library that talks to the {@code EntityManager}.
 * <p>
 * Public because the audit trail translates with it.
 */
public final class PersistenceExceptions {

	private static final PersistenceExceptionTranslator TRANSLATOR = ClassUtils.isPresent("org.hibernate.Hibernate",
			PersistenceExceptions.class.getClassLoader()) ? HibernateTranslator.create()
					: EntityManagerFactoryUtils::convertJpaAccessExceptionIfPossible;

	private PersistenceExceptions() {
	}

	/** {@code ex} translated, or unchanged when it is no persistence exception. */
	public static RuntimeException translate(RuntimeException ex) {
		return DataAccessUtils.translateIfNecessary(ex, TRANSLATOR);
	}

	/** Kept apart so that Hibernate's classes load only when Hibernate is present. */
	private static final class HibernateTranslator {

		static PersistenceExceptionTranslator create() {
			org.springframework.orm.jpa.vendor.HibernateJpaDialect dialect = new org.springframework.orm.jpa.vendor.HibernateJpaDialect();
			return (RuntimeException ex) -> {
				@Nullable DataAccessException translated = dialect.translateExceptionIfPossible(ex);
				return translated;
			};
		}

	}

}
