package dev.fsm.autoconfigure;

import org.springframework.util.ClassUtils;

/**
 * The package-private types of the internal packages whose beans the auto-configuration
 * tests look for: the same classes, found by name, as this package cannot name them.
 */
final class InternalTypes {

	static final Class<?> DEFAULT_TRANSITIONS = type("dev.fsm.engine.DefaultTransitions");

	static final Class<?> TRANSITION_ADVISOR = type("dev.fsm.engine.TransitionAdvisor");

	static final Class<?> TRANSITION_LISTENER_FAILURE_LOGGING = type("dev.fsm.engine.TransitionListenerFailureLogging");

	static final Class<?> NON_PERSISTENT_ENTITY_STORE = type("dev.fsm.engine.NonPersistentEntityStore");

	static final Class<?> THREAD_LOCAL_ACTOR_PROVIDER = type("dev.fsm.engine.ThreadLocalActorProvider");

	static final Class<?> PUBLICATION_COMPLETION_EXCLUSION = type("dev.fsm.engine.PublicationCompletionExclusion");

	static final Class<?> AUDIT_TRAIL_WRITER = type("dev.fsm.audit.AuditTrailWriter");

	static final Class<?> JPA_TRANSITION_HISTORY = type("dev.fsm.audit.JpaTransitionHistory");

	static final Class<?> JPA_ENTITY_STORE = type("dev.fsm.jpa.JpaEntityStore");

	static final Class<?> STATE_FIELD_GUARD = type("dev.fsm.jpa.StateFieldGuard");

	static final Class<?> SECURITY_ACTOR_PROVIDER = type("dev.fsm.security.SecurityActorProvider");

	static final Class<?> SECURITY_PERMISSION_COMPILER = type("dev.fsm.security.SecurityPermissionCompiler");

	static final Class<?> BEAN_VALIDATION_ARGUMENTS = type("dev.fsm.validation.BeanValidationArguments");

	static final Class<?> MESSAGE_SOURCE_WORKFLOW_MESSAGES = type("dev.fsm.messages.MessageSourceWorkflowMessages");

	private InternalTypes() {
	}

	static Class<?> type(String name) {
		return ClassUtils.resolveClassName(name, InternalTypes.class.getClassLoader());
	}

}
