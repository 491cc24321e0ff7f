package dev.fsm;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The workflows that classes declare, read the way the application reads them when it
 * starts, without starting one: for tests ({@code WorkflowChecks} of
 * {@code fsm-spring-boot-starter-test}) and build tools. The expressions are parsed and
 * the workflows checked as at start-up; no expression is evaluated, so beans they name
 * need not exist. <pre class="code">
 * List&lt;Workflow&gt; workflows = WorkflowDefinitions.read(List.of(CaseReport.class, CaseReportFlow.class));
 * </pre> The starter provides the implementation (through
 * {@code META-INF/spring.factories}); applications call the static methods and do not
 * extend this class.
 */
public abstract class WorkflowDefinitions {

	private static @Nullable WorkflowDefinitions instance;

	/** For the starter, which implements the reading. */
	protected WorkflowDefinitions() {
	}

	/**
	 * Whether {@code type} declares a workflow: an entity with a {@code @StateField}, or
	 * a flow bean class with {@link Transition} methods that take an entity.
	 */
	public static boolean declaresWorkflow(Class<?> type) {
		return instance().isWorkflowClass(type);
	}

	/**
	 * The workflows of {@code types} (entities with a {@code @StateField} and flow bean
	 * classes), as the application builds them when it starts, ordered by name. A flow
	 * bean class is named as a bean would be: its simple name, uncapitalized.
	 * @throws WorkflowDefinitionException listing every problem, as the start-up would
	 */
	public static List<Workflow> read(Collection<Class<?>> types) {
		return instance().build(types);
	}

	/**
	 * The classes of {@code basePackage} and its sub-packages that declare workflows (see
	 * {@link #declaresWorkflow}), ordered by name. Reads class files without loading
	 * them; loads only the candidates.
	 */
	public static List<Class<?>> scan(String basePackage) {
		return instance().find(basePackage);
	}

	/** Whether {@code type} declares a workflow. */
	protected abstract boolean isWorkflowClass(Class<?> type);

	/** The workflows of {@code types}. */
	protected abstract List<Workflow> build(Collection<Class<?>> types);

	/** The workflow classes of {@code basePackage}. */
	protected abstract List<Class<?>> find(String basePackage);

	private static synchronized WorkflowDefinitions instance() {
		WorkflowDefinitions definitions = instance;
		if (definitions == null) {
			List<WorkflowDefinitions> found = SpringFactoriesLoader
				.forDefaultResourceLocation(WorkflowDefinitions.class.getClassLoader())
				.load(WorkflowDefinitions.class);
			if (found.isEmpty()) {
				throw new IllegalStateException("No implementation of WorkflowDefinitions in META-INF/spring.factories:"
						+ " is fsm-spring-boot-autoconfigure on the class path?");
			}
			definitions = found.get(0);
			instance = definitions;
		}
		return definitions;
	}

}
