package dev.fsm.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.Transition;
import dev.fsm.metamodel.WorkflowIntrospector;

/**
 * The one scanner of workflow classes. At start-up it finds the workflow entities that
 * are neither JPA entities nor parameters of flow beans (plain objects): the classes of
 * the application's packages (those of {@code @SpringBootApplication}) that declare
 * {@link Transition} methods and a {@code @StateField}; and the Kotlin files that declare
 * top-level {@link Transition} functions, which the start-up refuses. For tests and tools
 * ({@code dev.fsm.WorkflowDefinitions#scan}) it finds every workflow class of a package.
 * Reads class files without loading them; loads only the candidates.
 * <p>
 * An application that runs its ahead-of-time generated artifacts reads the list the AOT
 * processing wrote at build time ({@value WorkflowDiscovery#WORKFLOW_OBJECTS_LIST})
 * instead: a native image has no class files to scan.
 */
final class WorkflowEntityScanner {

	/** JPA's {@code @Entity}, by name: JPA is optional. */
	private static final String JPA_ENTITY = "jakarta.persistence.Entity";

	private WorkflowEntityScanner() {
	}

	static List<Class<?>> scan(BeanFactory beanFactory, ClassLoader classLoader) {
		if (AotDetector.useGeneratedArtifacts()) {
			return listedAheadOfTime(classLoader);
		}
		if (!AutoConfigurationPackages.has(beanFactory)) {
			return List.of();
		}
		return scan(AutoConfigurationPackages.get(beanFactory), classLoader, false,
				(type) -> WorkflowIntrospector.isWorkflowEntity(type) || WorkflowIntrospector.isKotlinFile(type));
	}

	/**
	 * The classes of {@code basePackages} and their sub-packages that declare a workflow:
	 * JPA entities with a {@code @StateField}, and classes with {@link Transition}
	 * methods (flow beans, plain workflow objects), ordered by name. For tests and tools:
	 * nothing comes from the AOT list.
	 */
	static List<Class<?>> workflowClasses(String basePackage, ClassLoader classLoader) {
		List<Class<?>> types = new ArrayList<>(scan(List.of(basePackage), classLoader, true,
				(type) -> WorkflowIntrospector.isWorkflowEntity(type) || hasTransitionMethods(type)));
		types.sort(Comparator.comparing(Class::getName));
		return types;
	}

	/** Whether {@code type} or a superclass declares a {@link Transition} method. */
	static boolean hasTransitionMethods(Class<?> type) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (WorkflowIntrospector.isTransitionMethod(method)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The concrete classes of {@code basePackages} that declare {@link Transition}
	 * methods (or, {@code withEntities}, are JPA entities) and that {@code keep} accepts.
	 */
	private static List<Class<?>> scan(Collection<String> basePackages, ClassLoader classLoader, boolean withEntities,
			Predicate<Class<?>> keep) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				AnnotationMetadata metadata = definition.getMetadata();
				return metadata.isIndependent() && metadata.isConcrete();
			}

		};
		scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		scanner.addIncludeFilter(
				(reader, factory) -> reader.getAnnotationMetadata().hasAnnotatedMethods(Transition.class.getName())
						|| reader.getAnnotationMetadata().hasAnnotatedMethods(Transition.List.class.getName())
						|| (withEntities && (reader.getAnnotationMetadata().hasAnnotation(JPA_ENTITY)
								|| reader.getAnnotationMetadata().hasMetaAnnotation(JPA_ENTITY))));
		List<Class<?>> types = new ArrayList<>();
		for (String basePackage : basePackages) {
			for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
				String className = candidate.getBeanClassName();
				if (className == null) {
					continue;
				}
				Class<?> type = ClassUtils.resolveClassName(className, classLoader);
				if (keep.test(type)) {
					types.add(type);
				}
			}
		}
		return types;
	}

	private static List<Class<?>> listedAheadOfTime(ClassLoader classLoader) {
		ClassPathResource list = new ClassPathResource(WorkflowDiscovery.WORKFLOW_OBJECTS_LIST, classLoader);
		if (!list.exists()) {
			return List.of();
		}
		try {
			return list.getContentAsString(StandardCharsets.UTF_8)
				.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the workflow objects listed at build time in "
					+ WorkflowDiscovery.WORKFLOW_OBJECTS_LIST, ex);
		}
	}

}
