package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

/**
 * Every workflow of the application, indexed for the hot path: by entity type, and by the
 * method a proxy intercepts.
 */
public final class WorkflowRegistry {

	private final Map<Class<?>, List<WorkflowModel>> workflowsByEntity = new ConcurrentHashMap<>();

	private final Map<Class<?>, Map<Method, Optional<TransitionModel>>> transitionsByOwner = new ConcurrentHashMap<>();

	private volatile @Nullable Function<Class<?>, WorkflowRegistry> onDemand;

	WorkflowRegistry(Map<Class<?>, List<WorkflowModel>> workflows) {
		workflows.forEach(this::register);
	}

	/**
	 * Builds the workflows of entity types met for the first time at run time (types that are
	 * neither JPA entities nor parameters of flow beans) with {@code introspector}.
	 */
	public void enableOnDemand(Function<Class<?>, WorkflowRegistry> introspector) {
		this.onDemand = introspector;
	}

	/** Every workflow, ordered by name. */
	public List<WorkflowModel> workflows() {
		List<WorkflowModel> all = new ArrayList<>();
		this.workflowsByEntity.values().forEach(all::addAll);
		all.sort(Comparator.comparing(WorkflowModel::name));
		return all;
	}

	/**
	 * The workflows of an entity type: its own or, for a subclass nobody declared, those of
	 * its nearest registered superclass. Empty when the type has no {@code @StateField}.
	 */
	public List<WorkflowModel> workflowsOf(Class<?> entityType) {
		Class<?> type = ClassUtils.getUserClass(entityType);
		List<WorkflowModel> workflows = this.workflowsByEntity.get(type);
		if (workflows != null) {
			return workflows;
		}
		// a registered superclass first: a persistence proxy's class extends its entity
		for (Class<?> superclass = type.getSuperclass(); superclass != null; superclass = superclass.getSuperclass()) {
			workflows = this.workflowsByEntity.get(superclass);
			if (workflows != null) {
				return workflows;
			}
		}
		Function<Class<?>, WorkflowRegistry> onDemand = this.onDemand;
		if (onDemand != null && WorkflowIntrospector.isWorkflowEntity(type)) {
			WorkflowRegistry built = onDemand.apply(type);
			built.workflowsByEntity.forEach(this.workflowsByEntity::putIfAbsent);
			built.transitionsByOwner.forEach(this.transitionsByOwner::putIfAbsent);
			return this.workflowsByEntity.getOrDefault(type, List.of());
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
	 * The transition that {@code method} fires when invoked on an instance of {@code owner}
	 * (the entity class or the flow bean class), or {@code null}.
	 */
	public @Nullable TransitionModel transitionFor(Class<?> owner, Method method) {
		Map<Method, Optional<TransitionModel>> methods = this.transitionsByOwner.get(owner);
		if (methods == null) {
			if (workflowsOf(owner).isEmpty() || (methods = this.transitionsByOwner.get(owner)) == null) {
				return null;
			}
		}
		Optional<TransitionModel> transition = methods.get(method);
		if (transition == null) {
			Map<Method, Optional<TransitionModel>> known = methods;
			transition = methods.computeIfAbsent(method, (m) -> {
				Method specific = AopUtils.getMostSpecificMethod(m, owner);
				Optional<TransitionModel> found = known.get(specific);
				return (found != null) ? found : Optional.empty();
			});
		}
		return transition.orElse(null);
	}

	private void register(Class<?> entityType, List<WorkflowModel> workflows) {
		this.workflowsByEntity.put(entityType, List.copyOf(workflows));
		for (WorkflowModel workflow : workflows) {
			workflow.view();
			for (TransitionModel transition : workflow.transitions()) {
				this.transitionsByOwner.computeIfAbsent(transition.owner(), (o) -> new ConcurrentHashMap<>())
					.put(transition.method(), Optional.of(transition));
			}
		}
	}

}
