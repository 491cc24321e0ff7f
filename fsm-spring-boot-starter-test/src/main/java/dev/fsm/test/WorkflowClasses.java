package dev.fsm.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.Entity;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.Transition;
import dev.fsm.metamodel.WorkflowIntrospector;

/**
 * The classes that declare workflows, for {@link WorkflowChecks}: entities with a
 * {@code @StateField} and flow beans with {@link Transition} methods. Reads class files without
 * loading them; loads only the candidates.
 */
final class WorkflowClasses {

	private WorkflowClasses() {
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

	/** The workflow classes of {@code basePackage} and its sub-packages, ordered by name. */
	static List<Class<?>> inPackage(String basePackage) {
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {

			@Override
			protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
				AnnotationMetadata metadata = definition.getMetadata();
				return metadata.isIndependent() && metadata.isConcrete();
			}

		};
		scanner.setResourceLoader(new DefaultResourceLoader(classLoader));
		scanner.addIncludeFilter((reader, factory) -> reader.getAnnotationMetadata()
			.hasAnnotatedMethods(Transition.class.getName())
				|| reader.getAnnotationMetadata().hasAnnotatedMethods(Transition.List.class.getName()));
		scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
		List<Class<?>> types = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
			String className = candidate.getBeanClassName();
			if (className != null) {
				Class<?> type = ClassUtils.resolveClassName(className, classLoader);
				if (WorkflowIntrospector.isWorkflowEntity(type) || hasTransitionMethods(type)) {
					types.add(type);
				}
			}
		}
		types.sort(Comparator.comparing(Class::getName));
		return types;
	}

}
