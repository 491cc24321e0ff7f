package dev.fsm.architecture;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shape of the code, checked rather than hoped for: the public API in {@code dev.fsm}
 * imports no other package (neither the internal ones nor the SPI), the SPI in
 * {@code dev.fsm.spi} uses the API, Java and Spring only, no two packages depend on each
 * other, and each internal package exposes exactly the public types listed here (each
 * says in its Javadoc why it is public).
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.fsm");

	/** The public types of each internal package, and only those. */
	private static final Map<String, Set<String>> PUBLIC_INTERNAL_TYPES = Map.ofEntries(
			entry("dev.fsm.engine",
					Set.of("ArgumentValidator", "CarriedCaller", "ConcurrencySettings", "DefaultTransitions",
							"EntityViewClasses", "EntityFieldAccessor", "GuardEvaluationContexts",
							"NonPersistentEntityStore", "PublicationCompletionExclusion", "SpelGuardCompiler",
							"StateWrites", "ThreadLocalActorProvider", "TransitionAdvisor", "TransitionExecutor",
							"TransitionListenerFailureLogging", "WorkflowDiscovery")),
			entry("dev.fsm.metamodel",
					Set.of("MessageTemplate", "ConcurrencyPolicy", "GuardCompiler", "GuardInput", "PermissionCompiler",
							"ReadFilter", "RouteModel", "StateAccessor", "StateTimestamp", "TimedRoute",
							"TransitionCondition", "TransitionModel", "TransitionPermission", "UserExpression",
							"WorkflowIntrospector", "WorkflowModel", "WorkflowRegistry")),
			entry("dev.fsm.jpa",
					Set.of("EntityIdFormat", "JpaEntityStore", "PersistenceExceptions", "StateFieldGuard")),
			entry("dev.fsm.audit", Set.of("AuditSchemaInitializer", "AuditTrailWriter", "JpaTransitionHistory")),
			entry("dev.fsm.audit.entity", Set.of("TransitionRecordEntity")),
			entry("dev.fsm.messages", Set.of("MessageSourceWorkflowMessages")),
			entry("dev.fsm.diagram", Set.of("DefaultWorkflowDiagrams", "WorkflowDiagramExporter")),
			entry("dev.fsm.actuate", Set.of("WorkflowFormat", "WorkflowsEndpoint")),
			entry("dev.fsm.observation", Set.of("ObservationTransitionObserver")),
			entry("dev.fsm.security", Set.of("SecurityActorProvider", "SecurityPermissionCompiler")),
			entry("dev.fsm.validation", Set.of("BeanValidationArguments")),
			entry("dev.fsm.operations",
					Set.of("EntityGauges", "StateCounts", "StoredStateCheck", "StoredStateReport",
							"StoredStatesCommand", "StuckEntitiesHealthIndicator", "TimeInStateObserver",
							"UndeclaredStoredStatesException")),
			entry("dev.fsm.kotlin", Set.of("CallerContextElement")),
			entry("dev.fsm.autoconfigure", Set.of("FsmAuditAutoConfiguration", "FsmAutoConfiguration",
					"FsmDiagramAutoConfiguration", "FsmEndpointAutoConfiguration", "FsmObservationAutoConfiguration",
					"FsmWebAutoConfiguration", "FsmConsoleAutoConfiguration", "FsmTimerAutoConfiguration",
					"FsmOperationsAutoConfiguration", "FsmProperties", "FsmAuditProperties", "FsmConsoleProperties",
					"FsmDiagramProperties", "FsmHealthProperties", "FsmLockingProperties", "FsmMetricsProperties",
					"FsmRetryProperties", "FsmSecurityProperties", "FsmTimerProperties", "FsmValidationProperties",
					"FsmWebProperties")),
			entry("dev.fsm.timer",
					Set.of("MicrometerTimerCounters", "TimerCounters", "TimerSchedule", "TransitionTimers")),
			entry("dev.fsm.console",
					Set.of("ConsoleController", "ConsoleSecurity", "ConsoleSettings", "SpringSecurityConsole")),
			entry("dev.fsm.web",
					Set.of("ApiAccess", "ApiExposure", "WorkflowApiController", "WorkflowApiExceptionHandler",
							"WorkflowApiSettings", "WorkflowOpenApiCustomizer", "WorkflowReadAccess")));

	@Test
	void theApiImportsNoInternalPackage() {
		noClasses().that()
			.resideInAPackage("dev.fsm")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.fsm.*..")
			.check(CLASSES);
	}

	@Test
	void theSpiUsesTheApiJavaAndSpringOnly() {
		classes().that()
			.resideInAPackage("dev.fsm.spi")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("dev.fsm", "dev.fsm.spi", "java..", "org.jspecify..", "org.springframework..")
			.check(CLASSES);
	}

	@Test
	void theSpiHoldsTheExtensionPoints() {
		Set<String> spi = new TreeSet<>();
		for (JavaClass type : CLASSES) {
			if (type.getPackageName().equals("dev.fsm.spi") && type.isTopLevelClass()
					&& !type.getSimpleName().equals("package-info")) {
				assertThat(type.isInterface()).as(type.getName() + " is an interface").isTrue();
				spi.add(type.getSimpleName());
			}
		}
		assertThat(spi).containsExactly("ActorProvider", "EntityFinder", "EntityLocking", "EntityStore",
				"TransitionObserver", "TransitionRecorder");
	}

	@Test
	void noTwoPackagesDependOnEachOther() {
		slices().matching("dev.fsm.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void onlyTheAutoConfigurationKnowsTheAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackage("dev.fsm.autoconfigure..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.fsm.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void diagramsAndTheEndpointUseTheApiOnly() {
		noClasses().that()
			.resideInAnyPackage("dev.fsm.diagram..", "dev.fsm.actuate..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.fsm.engine..", "dev.fsm.metamodel..", "dev.fsm.jpa..", "dev.fsm.audit..")
			.check(CLASSES);
	}

	@Test
	void internalPackagesExposeOnlyTheListedPublicTypes() {
		Map<String, Set<String>> actual = new TreeMap<>();
		for (JavaClass type : CLASSES) {
			String pkg = type.getPackageName();
			if (!pkg.equals("dev.fsm") && !pkg.equals("dev.fsm.spi") && type.isTopLevelClass()
					&& type.getModifiers().contains(JavaModifier.PUBLIC)) {
				actual.computeIfAbsent(pkg, (p) -> new TreeSet<>()).add(type.getSimpleName());
			}
		}
		Map<String, Set<String>> expected = new TreeMap<>();
		PUBLIC_INTERNAL_TYPES.forEach((pkg, types) -> expected.put(pkg, new TreeSet<>(types)));
		assertThat(actual).isEqualTo(expected);
	}

}
