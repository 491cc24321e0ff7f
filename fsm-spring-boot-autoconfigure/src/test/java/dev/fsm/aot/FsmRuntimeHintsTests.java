package dev.fsm.aot;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter reaches whatever the workflows: each test fails when its hint is
 * missing ({@link RuntimeHintsPredicates} answer as a native image would).
 */
class FsmRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	FsmRuntimeHintsTests() {
		new FsmRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void isRegisteredInAotFactories() {
		List<org.springframework.aot.hint.RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(org.springframework.aot.hint.RuntimeHintsRegistrar.class);
		assertThat(registrars).hasAtLeastOneElementOfType(FsmRuntimeHints.class);
	}

	@Test
	void theConsolesFilesAreResources() {
		for (String file : List.of("index.html", "console.js", "console.css")) {
			assertThat(RuntimeHintsPredicates.resource().forResource("dev/fsm/console/" + file)).accepts(this.hints);
		}
	}

	@Test
	void theSchemaScriptsAreResources() {
		for (String database : List.of("h2", "postgresql", "mariadb")) {
			assertThat(RuntimeHintsPredicates.resource().forResource("dev/fsm/audit/schema-" + database + ".sql"))
				.accepts(this.hints);
		}
	}

	@Test
	void theEventsGenericTypesCanBeResolved() {
		for (Class<?> event : List.of(TransitionEvent.class, PreTransitionEvent.class, PostTransitionEvent.class,
				TransitionFailedEvent.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(event)).accepts(this.hints);
		}
	}

	@Test
	void theCompletedRecordCanBeSerializedByThePublicationRegistry() {
		assertThat(RuntimeHintsPredicates.reflection().onType(TransitionCompleted.class)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(TransitionCompleted.class, "entityType"))
			.accepts(this.hints);
	}

	@Test
	void theMethodsSecurityExpressionsAreEvaluatedForAreIntrospectable() throws ClassNotFoundException {
		assertThat(RuntimeHintsPredicates.reflection().onMethod("dev.fsm.web.WorkflowReadAccess", "read").introspect())
			.accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethod("dev.fsm.security.SecurityPermissionCompiler", "aboutTheUser")
			.introspect()).accepts(this.hints);
	}

}
