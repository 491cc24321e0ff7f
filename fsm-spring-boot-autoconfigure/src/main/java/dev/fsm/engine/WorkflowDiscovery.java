package dev.fsm.engine;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.core.env.Environment;

import dev.fsm.Transition;
import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.EntityStore;

/**
 * Finds every workflow of the application at start-up, builds the registry and fails with
 * every problem at once: the entity types of the store (JPA), the entity types that flow
 * beans take, and plain workflow objects in the application's packages. Nothing is added
 * later.
 * <p>
 * Public because the auto-configuration runs it at start-up, and the AOT processor lists
 * the plain workflow objects at build time ({@link #workflowObjectTypes}).
 */
public final class WorkflowDiscovery {

	/**
	 * Where the AOT processing lists the plain workflow objects for the run time, one
	 * class name a line ({@link #workflowObjectTypes}).
	 */
	public static final String WORKFLOW_OBJECTS_LIST = "META-INF/fsm/workflow-objects.txt";

	private static final Log logger = LogFactory.getLog(WorkflowDiscovery.class);

	private final ConfigurableListableBeanFactory beanFactory;

	private final EntityStore store;

	private final GuardCompiler guards;

	private final boolean failOnUnreachableStates;

	public WorkflowDiscovery(ConfigurableListableBeanFactory beanFactory, EntityStore store, GuardCompiler guards,
			boolean failOnUnreachableStates) {
		this.beanFactory = beanFactory;
		this.store = store;
		this.guards = guards;
		this.failOnUnreachableStates = failOnUnreachableStates;
	}

	/**
	 * Builds the registry.
	 * @throws dev.fsm.WorkflowDefinitionException listing every problem found
	 */
	public WorkflowRegistry discover() {
		Environment environment = this.beanFactory.getBeanProvider(Environment.class).getIfAvailable();
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.guards, this.failOnUnreachableStates,
				this.store::entityName, (environment != null) ? environment::resolveRequiredPlaceholders
						: WorkflowIntrospector.systemPlaceholders());
		for (Class<?> type : this.store.entityTypes()) {
			String unsupported = WorkflowIntrospector.isWorkflowEntity(type) ? this.store.unsupportedReason(type)
					: null;
			if (unsupported != null) {
				introspector.reject(type, unsupported);
			}
			introspector.addEntityType(type);
		}
		for (String name : this.beanFactory.getBeanDefinitionNames()) {
			Class<?> type = this.beanFactory.getType(name, false);
			if (type != null && AnnotationUtils.isCandidateClass(type, Transition.class)
					&& !WorkflowIntrospector.isWorkflowEntity(type)) {
				introspector.addFlowBean(name, type);
			}
		}
		ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
		if (classLoader == null) {
			classLoader = WorkflowDiscovery.class.getClassLoader();
		}
		for (Class<?> type : workflowObjectTypes(this.beanFactory, classLoader)) {
			if (WorkflowIntrospector.isKotlinFile(type)) {
				introspector.addTopLevelFunctions(type);
			}
			else {
				introspector.addEntityType(type);
			}
		}
		WorkflowRegistry registry = introspector.build();
		for (WorkflowModel workflow : registry.workflows()) {
			if (this.store.entityTypes().contains(workflow.entityType())
					&& !this.store.isVersioned(workflow.entityType())) {
				logger.warn("Workflow '" + workflow.name() + "': " + workflow.entityType().getSimpleName()
						+ " has no @Version attribute, so each transition locks its row (SELECT ... FOR UPDATE) and"
						+ " re-reads its state to keep concurrent transitions apart; add a @Version field for optimistic"
						+ " locking, which also protects the entity's other columns");
			}
		}
		return registry;
	}

	/**
	 * The plain workflow objects: the classes of the application's packages that declare
	 * transitions and a {@code @StateField}, found by scanning the class path; when the
	 * application runs its ahead-of-time generated artifacts (a native image has no class
	 * path to scan), the list the AOT processing wrote at build time.
	 * @param beanFactory the application's bean factory (its auto-configuration packages)
	 * @param classLoader the loader of the application's classes
	 * @return the types, possibly none
	 */
	public static List<Class<?>> workflowObjectTypes(BeanFactory beanFactory, ClassLoader classLoader) {
		return WorkflowEntityScanner.scan(beanFactory, classLoader);
	}

	/**
	 * The classes of {@code basePackage} and its sub-packages that declare a workflow
	 * (JPA entities with a {@code @StateField}, classes with {@code @Transition}
	 * methods), ordered by name, for {@code dev.fsm.WorkflowDefinitions}.
	 */
	public static List<Class<?>> workflowClasses(String basePackage, ClassLoader classLoader) {
		return WorkflowEntityScanner.workflowClasses(basePackage, classLoader);
	}

	/** Whether {@code type} or a superclass declares a {@code @Transition} method. */
	public static boolean hasTransitionMethods(Class<?> type) {
		return WorkflowEntityScanner.hasTransitionMethods(type);
	}

}
