package dev.fsm.aot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.generate.GeneratedFiles.FileHandler;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.StateField;
import dev.fsm.engine.EntityViewClasses;
import dev.fsm.engine.WorkflowDiscovery;
import dev.fsm.metamodel.WorkflowIntrospector;

/**
 * The build-time half of the workflows: finds them as the run time will (the JPA managed
 * types, the flow beans and the plain workflow objects of the application's packages) and
 * contributes
 * <ul>
 * <li>reflection hints for each workflow entity and its superclasses (transition methods,
 * state fields and the properties guards read), its state types, and its transition
 * parameters (bound from JSON by the HTTP API);</li>
 * <li>the {@code transitions.on(entity)} view class of each entity, generated now so that
 * a native image loads it instead of generating it ({@link EntityViewClasses});</li>
 * <li>the list of the plain workflow objects, which a native image cannot find by
 * scanning ({@link WorkflowDiscovery#WORKFLOW_OBJECTS_LIST});</li>
 * <li>reflection hints for the flow beans' transition methods.</li>
 * </ul>
 */
class WorkflowAotProcessor implements BeanFactoryInitializationAotProcessor {

	private static final boolean jpaPresent = ClassUtils.isPresent(
			"org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes",
			WorkflowAotProcessor.class.getClassLoader());

	private static final MemberCategory[] ENTITY_MEMBERS = { MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
			MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_PUBLIC_METHODS,
			MemberCategory.ACCESS_DECLARED_FIELDS };

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (classLoader == null) {
			classLoader = WorkflowAotProcessor.class.getClassLoader();
		}
		Set<Class<?>> entities = new LinkedHashSet<>();
		if (jpaPresent) {
			JpaManagedTypes.of(beanFactory, classLoader)
				.stream()
				.filter(WorkflowIntrospector::isWorkflowEntity)
				.forEach(entities::add);
		}
		// the list keeps what the scan found (Kotlin files with top-level transitions
		// too, which the
		// start-up refuses); only workflow objects get an entity's hints
		List<Class<?>> objects = WorkflowDiscovery.workflowObjectTypes(beanFactory, classLoader);
		objects.stream().filter(WorkflowIntrospector::isWorkflowEntity).forEach(entities::add);
		Set<Class<?>> flowBeans = new LinkedHashSet<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			Class<?> type = beanFactory.getType(name, false);
			if (type != null && !WorkflowIntrospector.isWorkflowEntity(type)
					&& !transitionMethods(ClassUtils.getUserClass(type)).isEmpty()) {
				flowBeans.add(ClassUtils.getUserClass(type));
			}
		}
		if (entities.isEmpty() && flowBeans.isEmpty()) {
			return null;
		}
		return new Contribution(List.copyOf(entities), objects, List.copyOf(flowBeans));
	}

	private static List<Method> transitionMethods(Class<?> type) {
		List<Method> methods = new ArrayList<>();
		ReflectionUtils.doWithMethods(type, methods::add, WorkflowIntrospector::isTransitionMethod);
		return methods;
	}

	private record Contribution(List<Class<?>> entities, List<Class<?>> objects,
			List<Class<?>> flowBeans) implements BeanFactoryInitializationAotContribution {

		@Override
		public void applyTo(GenerationContext generationContext, BeanFactoryInitializationCode code) {
			RuntimeHints hints = generationContext.getRuntimeHints();
			BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();
			for (Class<?> entity : this.entities) {
				for (Class<?> type = entity; type != null && type != Object.class; type = type.getSuperclass()) {
					hints.reflection().registerType(type, ENTITY_MEMBERS);
				}
				ReflectionUtils.doWithFields(entity, (field) -> stateType(hints, field),
						(field) -> field.isAnnotationPresent(StateField.class));
				transitionMethods(entity).forEach((method) -> parameters(bindings, hints, method));
				if (!Modifier.isFinal(entity.getModifiers())) {
					// generated here, while the AOT processing writes every class
					// generated to its output
					EntityViewClasses.generate(entity);
				}
			}
			for (Class<?> flowBean : this.flowBeans) {
				hints.reflection()
					.registerType(flowBean, MemberCategory.INVOKE_DECLARED_METHODS,
							MemberCategory.INVOKE_PUBLIC_METHODS);
				transitionMethods(flowBean).forEach((method) -> parameters(bindings, hints, method));
			}
			if (!this.objects.isEmpty()) {
				generationContext.getGeneratedFiles()
					.handleFile(Kind.RESOURCE, WorkflowDiscovery.WORKFLOW_OBJECTS_LIST, this::listObjects);
				hints.resources().registerPattern(WorkflowDiscovery.WORKFLOW_OBJECTS_LIST);
			}
		}

		/**
		 * Writes the list, or adds to it: the test contexts of a module are processed
		 * into the same output, each with its workflow objects.
		 */
		private void listObjects(FileHandler file) throws IOException {
			Set<String> names = new TreeSet<>();
			InputStreamSource existing = file.exists() ? file.getContent() : null;
			if (existing != null) {
				try (InputStream in = existing.getInputStream()) {
					names.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
				}
			}
			this.objects.forEach((type) -> names.add(type.getName()));
			ByteArrayResource content = new ByteArrayResource(
					names.stream().collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8));
			if (existing != null) {
				file.override(content);
			}
			else {
				file.create(content);
			}
		}

		/**
		 * An enum's constants are read by reflection, and their {@code @StateGroup} and
		 * {@code @StateInfo} annotations; a String or number needs nothing.
		 */
		private static void stateType(RuntimeHints hints, Field field) {
			if (field.getType().isEnum()) {
				hints.reflection()
					.registerType(field.getType(), MemberCategory.INVOKE_PUBLIC_METHODS,
							MemberCategory.ACCESS_PUBLIC_FIELDS, MemberCategory.ACCESS_DECLARED_FIELDS);
			}
		}

		/** The HTTP API binds a transition's arguments from JSON, and validates them. */
		private void parameters(BindingReflectionHintsRegistrar bindings, RuntimeHints hints, Method method) {
			for (Class<?> parameter : method.getParameterTypes()) {
				if (!BeanUtils.isSimpleValueType(parameter) && !this.entities.contains(parameter)) {
					bindings.registerReflectionHints(hints.reflection(), parameter);
				}
			}
		}

	}

	/**
	 * The entity classes of the persistence unit, as Spring Boot lists them at build
	 * time.
	 */
	private static final class JpaManagedTypes {

		static List<Class<?>> of(ConfigurableListableBeanFactory beanFactory, ClassLoader classLoader) {
			List<Class<?>> types = new ArrayList<>();
			for (String name : beanFactory.getBeanNamesForType(PersistenceManagedTypes.class, false, false)) {
				for (String className : beanFactory.getBean(name, PersistenceManagedTypes.class)
					.getManagedClassNames()) {
					types.add(ClassUtils.resolveClassName(className, classLoader));
				}
			}
			return types;
		}

	}

}
