package dev.fsm.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The test module is a user of the starter like any other: it uses the public API
 * ({@code dev.fsm}) and the SPI ({@code dev.fsm.spi}), no internal package.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.fsm.test");

	@Test
	void theTestModuleUsesTheApiAndTheSpiOnly() {
		noClasses().that()
			.resideInAPackage("dev.fsm.test..")
			.should()
			.dependOnClassesThat(are(resideInAPackage("dev.fsm..")
				.and(resideInAnyPackage("dev.fsm", "dev.fsm.spi", "dev.fsm.test..").negate())))
			.check(CLASSES);
	}

}
