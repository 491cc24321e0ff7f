package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * Every workflow of the application, indexed for the hot path: by entity type, and by the
 * method a proxy intercepts. Complete and immutable once built at start-up; only the
 * lookup of intercepted methods is cached.
 * <p>
 * Public because the engine, the JPA integration and the auto-configuration use it.
 */
public final class WorkflowRegistry {

	private final Map<Class<?>, List<WorkflowModel>> workflowsByEntity;

	private final Map<Class<?>, Map<Method, TransitionModel>> transitionsByOwner;

	private final List<WorkflowModel> workflows;

	/** The transition of each method a proxy intercepted: a cache of {@link #resolve}. */
	private final Map<Class<?>, Map<Method, Optional<TransitionModel>>> resolved = new ConcurrentHashMap<>();

	WorkflowRegistry(Map<Class<?>, List<WorkflowModel>> workflows) {
		Map<Class<?>, List<WorkflowModel>> byEntity = new LinkedHashMap<>();
		Map<Class<?>, Map<Method, TransitionModel>> byOwner = new LinkedHashMap<>();
		List<WorkflowModel> all = new ArrayList<>();
		workflows.forEach((entityType, models) -> {
			byEntity.put(entityType, List.copyOf(models));
			for (WorkflowModel workflow : models) {
				workflow.view();
				all.add(workflow);
				for (TransitionModel transition : workflow.transitions()) {
					byOwner.computeIfAbsent(transition.owner(), (o) -> new LinkedHashMap<>())
						.put(transition.method(), transition);
				}
			}
		});
		all.sort(Comparator.comparing(WorkflowModel::name));
		this.workflowsByEntity = Map.copyOf(byEntity);
		Map<Class<?>, Map<Method, TransitionModel>> owners = new LinkedHashMap<>();
		byOwner.forEach((owner, methods) -> owners.put(owner, Map.copyOf(methods)));
		this.transitionsByOwner = Map.copyOf(owners);
		this.workflows = List.copyOf(all);
	}

	/** Every workflow, ordered by name. */
	public List<WorkflowModel> workflows() {
		return this.workflows;
	}

	/**
	 * The workflows of an entity type: its own or, for a subclass nobody declared (a
	 * persistence proxy's class among them), those of its nearest registered superclass.
	 * Empty when the type is no workflow entity known at start-up.
	 */
	public List<WorkflowModel> workflowsOf(Class<?> entityType) {
		List<WorkflowModel> declared = this.workflowsByEntity.get(entityType);
		if (declared != null) {
			return declared;
		}
		for (Class<?> type = ClassUtils.getUserClass(entityType); type != null; type = type.getSuperclass()) {
			List<WorkflowModel> workflows = this.workflowsByEntity.get(type);
			if (workflows != null) {
				return workflows;
			}
		}
		return List.of();
	}

	/** The transitions called {@code name} across the workflows of an entity type. */
	public List<TransitionModel> transitionsNamed(Class<?> entityType, String name) {
		List<TransitionModel> result = new ArrayList<>(1);
		for (WorkflowModel workflow : workflowsOf(entityType)) {
			TransitionModel transition = workflow.transition(name);
			if (transition != null) {
				result.add(transition);
			}
		}
		return result;
	}

	/**
	 * The transition that {@code method} fires when invoked on an instance of
	 * {@code owner} (the entity class or the flow bean class), or {@code null}.
	 */
	public @Nullable TransitionModel transitionFor(Class<?> owner, Method method) {
		return this.resolved.computeIfAbsent(owner, (o) -> new ConcurrentHashMap<>())
			.computeIfAbsent(method, (m) -> Optional.ofNullable(resolve(owner, m)))
			.orElse(null);
	}

	/** The method as declared by the owner or its nearest registered superclass. */
	private @Nullable TransitionModel resolve(Class<?> owner, Method method) {
		for (Class<?> type = ClassUtils.getUserClass(owner); type != null; type = type.getSuperclass()) {
			Map<Method, TransitionModel> methods = this.transitionsByOwner.get(type);
			if (methods != null) {
				TransitionModel transition = methods.get(AopUtils.getMostSpecificMethod(method, type));
				return (transition != null) ? transition : methods.get(method);
			}
		}
		return null;
	}

}
