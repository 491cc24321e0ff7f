package dev.fsm.aot;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;

/**
 * What the starter itself reaches reflectively or as a class path resource, whatever the
 * application's workflows: the console's page, script and style sheet, the audit trail's
 * schema scripts, the events whose generic type listeners are matched against, the
 * {@link TransitionCompleted} record the event publication registry serializes, and the
 * two methods the security expressions are evaluated for. The workflows' own types are
 * hinted by {@link WorkflowAotProcessor}.
 */
class FsmRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * The page, script and style sheet of the console
	 * ({@code dev.fsm.console.ConsolePage}).
	 */
	static final String CONSOLE_FILES = "dev/fsm/console/*";

	/**
	 * The audit trail's table, one script per database ({@code AuditSchemaInitializer}).
	 */
	static final String SCHEMA_SCRIPTS = "dev/fsm/audit/schema-*.sql";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(CONSOLE_FILES).registerPattern(SCHEMA_SCRIPTS);
		// listeners are matched on PostTransitionEvent<CaseReport>: the type parameters
		// are read
		for (Class<?> event : List.of(TransitionEvent.class, PreTransitionEvent.class, PostTransitionEvent.class,
				TransitionFailedEvent.class)) {
			hints.reflection().registerType(event, MemberCategory.INVOKE_PUBLIC_METHODS);
		}
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(), TransitionCompleted.class);
		// the methods a read permission and the user's description are evaluated for
		introspect(hints, "dev.fsm.web.WorkflowReadAccess", "read", TypeReference.of(Object.class));
		introspect(hints, "dev.fsm.security.SecurityPermissionCompiler", "aboutTheUser");
	}

	/**
	 * By name: the class may need a library the application does not have (Spring
	 * Security).
	 */
	private static void introspect(RuntimeHints hints, String type, String method, TypeReference... parameters) {
		hints.reflection()
			.registerType(TypeReference.of(type),
					(hint) -> hint.withMethod(method, List.of(parameters), ExecutableMode.INTROSPECT));
	}

}
