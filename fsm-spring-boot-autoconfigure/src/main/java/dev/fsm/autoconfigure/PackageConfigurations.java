package dev.fsm.autoconfigure;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the package-private configurations of the internal packages, by name, in the
 * order given: each package keeps its beans' types, and the configuration that creates
 * them, to itself, as Spring Boot's {@code DataSourceConfiguration} keeps its pools'
 * configurations package-private. Their conditions apply as if they were nested in the
 * importing auto-configuration, and they are registered before its own beans.
 */
abstract class PackageConfigurations implements ImportSelector {

	private final String[] names;

	PackageConfigurations(String... names) {
		this.names = names;
	}

	@Override
	public final String[] selectImports(AnnotationMetadata importingClassMetadata) {
		return this.names.clone();
	}

}
