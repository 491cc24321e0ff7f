package dev.fsm.test;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.Entity;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import dev.fsm.Transition;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.security.SecurityPermissionCompiler;

/**
 * Checks workflow declarations in a plain unit test, without starting an application: what the
 * application checks when it starts (state names, expressions that parse, every state reachable
 * from the initial state), and that the workflow ends only where it should: no dead end (a state
 * no transition leaves) except the states declared final, and no state from which no final state
 * can be reached.
 * <pre class="code">
 * &#64;Test
 * void theCaseReportWorkflowIsSound() {
 *     WorkflowChecks.of(CaseReport.class).finalStates("RETRACTED").verify();
 * }
 * </pre>
 * Dead ends and final states are checked once the declarations are valid.
 *
 * @since 0.2.0
 */
public final class WorkflowChecks {

	private final String subject;

	private final List<Class<?>> types;

	private final List<String> scanProblems;

	private final List<FinalStates> finalStates = new ArrayList<>();

	private WorkflowChecks(String subject, List<Class<?>> types, List<String> scanProblems) {
		this.subject = subject;
		this.types = types;
		this.scanProblems = scanProblems;
	}

	/**
	 * Checks the workflows of these classes: entities with a {@code @StateField} and flow beans
	 * whose {@code @Transition} methods take an entity.
	 */
	public static WorkflowChecks of(Class<?>... types) {
		List<String> names = Arrays.stream(types).map(Class::getSimpleName).toList();
		return new WorkflowChecks("the workflows of " + names, List.of(types), List.of());
	}

	/**
	 * Checks the workflows of every entity and flow bean class in {@code basePackage} and its
	 * sub-packages.
	 */
	public static WorkflowChecks ofPackage(String basePackage) {
		List<Class<?>> types = scan(basePackage);
		List<String> problems = types.isEmpty() ? List.of("No workflow found in package '" + basePackage + "'")
				: List.of();
		return new WorkflowChecks("the workflows of package '" + basePackage + "'", types, problems);
	}

	/**
	 * Declares the states where workflows end, in whichever checked workflow has them. A declared
	 * final state must be a state no transition leaves.
	 */
	public WorkflowChecks finalStates(String... states) {
		this.finalStates.add(new FinalStates(null, List.of(states)));
		return this;
	}

	/** Declares the states where the workflows of {@code entityType} end. */
	public WorkflowChecks finalStates(Class<?> entityType, String... states) {
		this.finalStates.add(new FinalStates(entityType, List.of(states)));
		return this;
	}

	/** The checked workflows, ordered by name; empty when a declaration is invalid. */
	public List<Workflow> workflows() {
		return check().workflows();
	}

	/** Every problem found, one sentence each; empty when the workflows are sound. */
	public List<String> problems() {
		return check().problems();
	}

	/**
	 * Verifies that the workflows have no problem.
	 * @throws AssertionError listing every problem found
	 */
	public void verify() {
		List<String> problems = problems();
		if (problems.isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder().append(problems.size())
			.append((problems.size() == 1) ? " problem in " : " problems in ")
			.append(this.subject)
			.append(':');
		for (int i = 0; i < problems.size(); i++) {
			message.append(System.lineSeparator()).append("  ").append(i + 1).append(". ").append(problems.get(i));
		}
		throw new AssertionError(message.toString());
	}

	private Result check() {
		List<String> problems = new ArrayList<>(this.scanProblems);
		WorkflowIntrospector introspector = new WorkflowIntrospector(guardCompiler(), true, WorkflowChecks::entityName);
		for (Class<?> type : this.types) {
			if (WorkflowIntrospector.isWorkflowEntity(type)) {
				introspector.addEntityType(type);
			}
			else if (hasTransitionMethods(type)) {
				introspector.addFlowBean(StringUtils.uncapitalize(type.getSimpleName()), type);
			}
			else {
				problems.add(type.getSimpleName() + " declares no workflow: it has no @StateField and no @Transition"
						+ " method");
			}
		}
		List<Workflow> workflows;
		try {
			workflows = introspector.build().workflows().stream().map(WorkflowModel::view).toList();
		}
		catch (WorkflowDefinitionException ex) {
			problems.addAll(ex.getProblems());
			return new Result(List.of(), problems);
		}
		for (Workflow workflow : workflows) {
			checkEnds(workflow, declaredFinal(workflow), problems);
		}
		checkDeclaredFinalStatesExist(workflows, problems);
		return new Result(workflows, problems);
	}

	/** Dead ends, declared final states that a transition leaves, states that cannot reach an end. */
	private static void checkEnds(Workflow workflow, Set<String> declaredFinal, List<String> problems) {
		Set<String> ends = workflow.finalStates();
		List<String> deadEnds = ends.stream().filter((state) -> !declaredFinal.contains(state)).toList();
		if (!deadEnds.isEmpty()) {
			problems.add("Workflow '" + workflow.name() + "' has dead ends, states that no transition leaves: " + deadEnds
					+ "; declare them with finalStates(..) if the workflow ends there");
		}
		for (String state : workflow.states()) {
			if (declaredFinal.contains(state) && !ends.contains(state)) {
				problems.add("Workflow '" + workflow.name() + "': '" + state + "' is declared final, but transition '"
						+ leaving(workflow, state) + "' leaves it");
			}
		}
		if (ends.isEmpty()) {
			return;
		}
		List<String> trapped = workflow.states()
			.stream()
			.filter((state) -> !ends.contains(state) && !reachesAny(workflow, state, ends))
			.toList();
		if (!trapped.isEmpty()) {
			problems.add("Workflow '" + workflow.name() + "' has states from which no final state " + ends
					+ " can be reached: " + trapped);
		}
	}

	private static String leaving(Workflow workflow, String state) {
		for (TransitionRoute route : workflow.transitions()) {
			if (route.sources().contains(state) && route.targets().stream().anyMatch((target) -> !target.equals(state))) {
				return route.name();
			}
		}
		return "?";
	}

	private static boolean reachesAny(Workflow workflow, String start, Set<String> ends) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<String> pending = new ArrayDeque<>(List.of(start));
		while (!pending.isEmpty()) {
			String state = pending.poll();
			if (ends.contains(state)) {
				return true;
			}
			if (!seen.add(state)) {
				continue;
			}
			for (TransitionRoute route : workflow.transitions()) {
				if (route.sources().contains(state)) {
					pending.addAll(route.targets());
					if (route.onError() != null) {
						pending.add(route.onError());
					}
				}
			}
		}
		return false;
	}

	private Set<String> declaredFinal(Workflow workflow) {
		Set<String> declared = new LinkedHashSet<>();
		for (FinalStates finalStates : this.finalStates) {
			if (finalStates.type() == null || finalStates.type().isAssignableFrom(workflow.entityType())) {
				declared.addAll(finalStates.states());
			}
		}
		return declared;
	}

	/** Declared final states must be states of the workflows they are declared for: typos fail. */
	private void checkDeclaredFinalStatesExist(List<Workflow> workflows, List<String> problems) {
		for (FinalStates finalStates : this.finalStates) {
			Class<?> type = finalStates.type();
			List<Workflow> candidates = workflows.stream()
				.filter((workflow) -> type == null || type.isAssignableFrom(workflow.entityType()))
				.toList();
			List<String> names = candidates.stream().map(Workflow::name).toList();
			if (type != null && candidates.isEmpty()) {
				problems.add("Final states are declared for " + type.getSimpleName() + ", which has none of the"
						+ " workflows checked " + workflows.stream().map(Workflow::name).toList());
				continue;
			}
			for (String state : finalStates.states()) {
				if (candidates.stream().noneMatch((workflow) -> workflow.states().contains(state))) {
					problems.add("'" + state + "' is declared final, but it is a state of none of the workflows "
							+ names);
				}
			}
		}
	}

	private static SpelGuardCompiler guardCompiler() {
		GuardEvaluationContexts contexts = new GuardEvaluationContexts(
				new BeanFactoryResolver(new DefaultListableBeanFactory()));
		return new SpelGuardCompiler(contexts, new SecurityPermissionCompiler(new DefaultMethodSecurityExpressionHandler(),
				SecurityContextHolder.getContextHolderStrategy(), contexts));
	}

	/** The JPA entity name, as the application names workflows and audit records. */
	private static String entityName(Class<?> type) {
		Entity entity = type.getAnnotation(Entity.class);
		return (entity != null && StringUtils.hasText(entity.name())) ? entity.name() : type.getSimpleName();
	}

	private static boolean hasTransitionMethods(Class<?> type) {
		for (Method method : ReflectionUtils.getUniqueDeclaredMethods(type)) {
			if (WorkflowIntrospector.isTransitionMethod(method)) {
				return true;
			}
		}
		return false;
	}

	private static List<Class<?>> scan(String basePackage) {
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

	private record FinalStates(@Nullable Class<?> type, List<String> states) {
	}

	private record Result(List<Workflow> workflows, List<String> problems) {
	}

}
