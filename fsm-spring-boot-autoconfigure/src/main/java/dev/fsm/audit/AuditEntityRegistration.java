package dev.fsm.audit;

import jakarta.persistence.EntityManagerFactory;

import dev.fsm.audit.entity.TransitionRecordEntity;

/**
 * Fails fast, with the fix, when the audit entity is not part of the persistence unit: an
 * application's {@code @EntityScan} replaces the packages the auto-configuration
 * registers.
 */
final class AuditEntityRegistration {

	private AuditEntityRegistration() {
	}

	static void verify(EntityManagerFactory entityManagerFactory) {
		boolean managed = entityManagerFactory.getMetamodel()
			.getEntities()
			.stream()
			.anyMatch((type) -> type.getJavaType() == TransitionRecordEntity.class);
		if (!managed) {
			throw new IllegalStateException("The FSM audit trail entity " + TransitionRecordEntity.class.getName()
					+ " is not managed by JPA. An @EntityScan replaces the packages that Spring Boot scans for"
					+ " entities: add TransitionRecordEntity.class to its basePackageClasses (or \""
					+ TransitionRecordEntity.class.getPackageName()
					+ "\" to its packages), or switch the audit trail off with fsm.audit.enabled=false");
		}
	}

}
