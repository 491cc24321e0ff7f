package dev.fsm.metamodel;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One transition: a method, the workflow it moves, and its routes.
 * <p>
 * Public because the engine runs on it.
 */
public final class TransitionModel {

	private final String name;

	private final WorkflowModel workflow;

	private final Class<?> owner;

	private final Method method;

	private final @Nullable String beanName;

	private final int entityParameterIndex;

	private final String[] parameterNames;

	private final List<RouteModel> routes;

	private final List<Class<?>> argumentTypes;

	private final List<String> argumentNames;

	TransitionModel(String name, WorkflowModel workflow, Class<?> owner, Method method, @Nullable String beanName,
			int entityParameterIndex, String[] parameterNames, List<RouteModel> routes) {
		this.name = name;
		this.workflow = workflow;
		this.owner = owner;
		this.method = method;
		this.beanName = beanName;
		this.entityParameterIndex = entityParameterIndex;
		this.parameterNames = parameterNames;
		this.routes = List.copyOf(routes);
		List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
		List<String> names = new ArrayList<>(List.of(parameterNames));
		if (entityParameterIndex >= 0) {
			types.remove(entityParameterIndex);
			names.remove(entityParameterIndex);
		}
		this.argumentTypes = List.copyOf(types);
		this.argumentNames = List.copyOf(names);
	}

	public String name() {
		return this.name;
	}

	public WorkflowModel workflow() {
		return this.workflow;
	}

	/** The class whose instances run the method: the entity class, or the flow bean's class. */
	public Class<?> owner() {
		return this.owner;
	}

	/** The transition method, on the entity class or on the flow bean class. */
	public Method method() {
		return this.method;
	}

	/** The flow bean declaring the method, {@code null} when the entity declares it. */
	public @Nullable String beanName() {
		return this.beanName;
	}

	public boolean isDeclaredOnBean() {
		return this.beanName != null;
	}

	/** Index of the entity among the method parameters, {@code -1} when the entity declares it. */
	public int entityParameterIndex() {
		return this.entityParameterIndex;
	}

	public String[] parameterNames() {
		return this.parameterNames;
	}

	public List<RouteModel> routes() {
		return this.routes;
	}

	/** The route that starts from {@code state}, or {@code null}. */
	public @Nullable RouteModel routeFor(@Nullable Object state) {
		for (RouteModel route : this.routes) {
			if (route.matches(state)) {
				return route;
			}
		}
		return null;
	}

	/** Every state name the transition may start from. */
	public List<String> sourceNames() {
		Set<String> names = new LinkedHashSet<>();
		this.routes.forEach((route) -> names.addAll(route.view().sources()));
		return new ArrayList<>(names);
	}

	/** The method parameter types a caller supplies: all but the entity. */
	public List<Class<?>> argumentTypes() {
		return this.argumentTypes;
	}

	/** The parameter names a caller supplies: all but the entity. */
	public List<String> argumentNames() {
		return this.argumentNames;
	}

	@Override
	public String toString() {
		return this.workflow.name() + "." + this.name;
	}

}
