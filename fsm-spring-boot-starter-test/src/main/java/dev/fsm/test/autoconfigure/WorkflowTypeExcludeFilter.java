package dev.fsm.test.autoconfigure;

import java.io.IOException;
import java.util.Set;

import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.fsm.Transition;

/**
 * The components of a {@link WorkflowTest @WorkflowTest}: flow beans (classes that
 * declare {@link Transition} methods), and the security components that permissions and
 * {@code @WithUserDetails} need.
 */
class WorkflowTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<WorkflowTest> {

	private static final Set<Class<?>> KNOWN_INCLUDES = Set.of(UserDetailsService.class, PermissionEvaluator.class);

	WorkflowTypeExcludeFilter(Class<?> testClass) {
		super(testClass);
	}

	@Override
	protected Set<Class<?>> getKnownIncludes() {
		return KNOWN_INCLUDES;
	}

	@Override
	protected boolean defaultInclude(MetadataReader metadataReader, MetadataReaderFactory metadataReaderFactory)
			throws IOException {
		AnnotationMetadata metadata = metadataReader.getAnnotationMetadata();
		return metadata.hasAnnotatedMethods(Transition.class.getName())
				|| metadata.hasAnnotatedMethods(Transition.List.class.getName())
				|| super.defaultInclude(metadataReader, metadataReaderFactory);
	}

}
