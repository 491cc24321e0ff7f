package dev.fsm.architecture;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;

import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionException;
import dev.fsm.TransitionRefusal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shape of the code, checked rather than hoped for: the public API in {@code dev.fsm}
 * imports no other package (neither the internal ones nor the SPI), the SPI in
 * {@code dev.fsm.spi} uses the API, Java and Spring only, no two packages depend on each
 * other, each package is used only by the packages allowed to ({@link #MAY_BE_USED_BY}),
 * and no internal type is public without a user in another package.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.fsm");

	/**
	 * Who may use each package besides itself: the API and the SPI anyone; the model and
	 * the engine the parts that plug into them; every feature (HTTP API, console,
	 * Actuator, diagrams, timers, operations) and every adapter (JPA, audit trail,
	 * security, validation, messages, observation) the auto-configuration alone, which
	 * wires them.
	 */
	private static final Map<String, List<String>> MAY_BE_USED_BY = Map.ofEntries(
			entry("dev.fsm.metamodel",
					List.of("engine", "jpa", "security", "validation", "messages", "operations", "timer", "web", "aot",
							"autoconfigure")),
			entry("dev.fsm.engine", List.of("jpa", "security", "validation", "kotlin", "aot", "autoconfigure")),
			entry("dev.fsm.jpa", List.of("audit", "autoconfigure")), entry("dev.fsm.audit", List.of("autoconfigure")),
			entry("dev.fsm.security", List.of("autoconfigure")), entry("dev.fsm.validation", List.of("autoconfigure")),
			entry("dev.fsm.messages", List.of("autoconfigure")), entry("dev.fsm.observation", List.of("autoconfigure")),
			entry("dev.fsm.kotlin", List.of("autoconfigure")),
			entry("dev.fsm.operations", List.of("actuate", "autoconfigure")),
			entry("dev.fsm.web", List.of("autoconfigure")), entry("dev.fsm.console", List.of("autoconfigure")),
			entry("dev.fsm.actuate", List.of("autoconfigure")), entry("dev.fsm.diagram", List.of("autoconfigure")),
			entry("dev.fsm.timer", List.of("autoconfigure")), entry("dev.fsm.refusals", List.of("audit", "jpa", "web")),
			entry("dev.fsm.aot", List.of()), entry("dev.fsm.autoconfigure", List.of()));

	/**
	 * How many public types the internal packages have (outside the API, the SPI and the
	 * auto-configuration with its properties): a ratchet, lowered as types become
	 * package-private. Issue 24 aims at 15.
	 */
	private static final int PUBLIC_INTERNAL_TYPES = 60;

	/**
	 * Public for users outside this module's main code, not for another package of it.
	 */
	private static final Map<String, String> PUBLIC_FOR_OTHERS = Map.of("dev.fsm.engine.EntityFieldAccessor",
			"SpEL's compiled guard expressions call its readField", "dev.fsm.kotlin.CallerContextElement",
			"Kotlin applications add it to a coroutine's context", "dev.fsm.operations.StoredStatesCommand",
			"the Maven plugin runs it", "dev.fsm.actuate.WorkflowFormat",
			"the Actuator reads it from the endpoint's public operation");

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
		assertThat(spi).containsExactly("ActorProvider", "ArgumentValidator", "EntityFinder", "EntityLocking",
				"EntityStore", "TransitionObserver", "TransitionRecorder");
	}

	/**
	 * Every refusal of the API is built in one of two places: the engine's in
	 * {@code engine/TransitionErrors}, from the running attempt; the others (the audit
	 * trail, the flush guard, the HTTP API's early check, which may not use the engine)
	 * in {@code refusals/Refusals}. The API's own constructors call each other.
	 */
	static final ArchRule REFUSALS_ARE_BUILT_IN_ONE_PLACE = noClasses().that()
		.resideOutsideOfPackage("dev.fsm")
		.and()
		.doNotHaveFullyQualifiedName("dev.fsm.engine.TransitionErrors")
		.and()
		.doNotHaveFullyQualifiedName("dev.fsm.refusals.Refusals")
		.should()
		.callConstructorWhere(JavaCall.Predicates
			.target(HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(TransitionRefusal.class))))
		.because("refusals are worded and built in engine/TransitionErrors or refusals/Refusals");

	@Test
	void refusalsAreBuiltInOnePlace() {
		REFUSALS_ARE_BUILT_IN_ONE_PLACE.check(CLASSES);
	}

	@Test
	void aRefusalBuiltElsewhereBreaksTheRule() {
		JavaClasses elsewhere = new ClassFileImporter().importClasses(RefusalBuiltElsewhere.class,
				TransitionDeniedException.class, TransitionException.class, TransitionRefusal.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> REFUSALS_ARE_BUILT_IN_ONE_PLACE.check(elsewhere))
			.withMessageContaining(RefusalBuiltElsewhere.class.getName() + ".refuse()")
			.withMessageContaining("TransitionDeniedException.<init>");
	}

	@Test
	void lockTimeoutsAreTranslatedInOnePlace() {
		assertThat(lockTimeoutCatches(CLASSES)).containsExactly("dev.fsm.engine.TransitionErrors.locking");
	}

	@Test
	void aLockTimeoutCaughtElsewhereIsFound() {
		assertThat(lockTimeoutCatches(new ClassFileImporter().importClasses(LockTimeoutCaughtElsewhere.class)))
			.containsExactly(LockTimeoutCaughtElsewhere.class.getName() + ".lock");
	}

	/** The methods that catch a lock not granted in time. */
	private static List<String> lockTimeoutCatches(JavaClasses classes) {
		return classes.stream()
			.flatMap((type) -> type.getCodeUnits().stream())
			.filter((method) -> method.getTryCatchBlocks()
				.stream()
				.anyMatch((block) -> block.getCaughtThrowables()
					.stream()
					.anyMatch((caught) -> caught.isEquivalentTo(QueryTimeoutException.class))))
			.map((method) -> method.getOwner().getName() + "." + method.getName())
			.sorted()
			.toList();
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
	void eachPackageIsUsedOnlyByThoseAllowedTo() {
		Set<String> covered = new TreeSet<>(MAY_BE_USED_BY.keySet());
		covered.addAll(List.of("dev.fsm", "dev.fsm.spi"));
		for (JavaClass type : CLASSES) {
			String pkg = type.getPackageName();
			assertThat(covered.stream().anyMatch((p) -> pkg.equals(p) || pkg.startsWith(p + ".")))
				.as("package %s says who may use it", pkg)
				.isTrue();
		}
		MAY_BE_USED_BY.forEach((pkg, users) -> {
			List<String> allowed = new java.util.ArrayList<>();
			allowed.add(pkg + "..");
			users.forEach((user) -> allowed.add("dev.fsm." + user + ".."));
			classes().that()
				.resideInAPackage(pkg + "..")
				.should()
				.onlyHaveDependentClassesThat()
				.resideInAnyPackage(allowed.toArray(String[]::new))
				.allowEmptyShould(true)
				.check(CLASSES);
		});
	}

	@Test
	void aPublicInternalTypeIsUsedFromAnotherPackage() {
		List<String> needlesslyPublic = publicInternalTypes().stream()
			.filter((type) -> type.getDirectDependenciesToSelf()
				.stream()
				.noneMatch((dependency) -> !dependency.getOriginClass().getPackageName().equals(type.getPackageName())))
			.map(JavaClass::getName)
			.filter((name) -> !PUBLIC_FOR_OTHERS.containsKey(name))
			.toList();
		assertThat(needlesslyPublic).as("public, but used in their own package only").isEmpty();
	}

	@Test
	void theInternalPackagesExposeNoMorePublicTypesThanBefore() {
		assertThat(publicInternalTypes()).hasSizeLessThanOrEqualTo(PUBLIC_INTERNAL_TYPES);
	}

	/** Builds a refusal outside the two places. */
	static final class RefusalBuiltElsewhere {

		RuntimeException refuse() {
			return new TransitionDeniedException("denied", String.class, null, "approve", "DRAFT", "amy",
					"hasRole('STAFF')", "You may not.");
		}

	}

	/** Translates a lock timeout outside the one place. */
	static final class LockTimeoutCaughtElsewhere {

		boolean lock(java.util.function.BooleanSupplier lock) {
			try {
				return lock.getAsBoolean();
			}
			catch (QueryTimeoutException ex) {
				throw new IllegalStateException("timed out", ex);
			}
		}

	}

	/** Top-level public types outside the API, the SPI and the auto-configuration. */
	private static List<JavaClass> publicInternalTypes() {
		return CLASSES.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((
					type) -> !Set.of("dev.fsm", "dev.fsm.spi", "dev.fsm.autoconfigure").contains(type.getPackageName()))
			.filter((type) -> !type.getSimpleName().equals("package-info"))
			.toList();
	}

}
