package dev.fsm.engine;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.fsm.TransitionRoute;
import dev.fsm.TransitionHistory;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionRecord;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * The {@link Transitions} facade.
 * <p>
 * Public because the auto-configuration creates it; applications use {@link Transitions}.
 */
public final class DefaultTransitions implements Transitions {

	private final WorkflowRegistry registry;

	private final TransitionExecutor executor;

	private final EntityStore store;

	private final ActorProvider actors;

	private final TransitionAdvisor advisor;

	private final BeanFactory beanFactory;

	private final ObjectProvider<TransitionHistory> history;

	private final TransitionQueries queries;

	public DefaultTransitions(WorkflowRegistry registry, TransitionExecutor executor, EntityStore store,
			ActorProvider actors, TransitionAdvisor advisor, BeanFactory beanFactory,
			ObjectProvider<TransitionHistory> history) {
		this.registry = registry;
		this.executor = executor;
		this.store = store;
		this.actors = actors;
		this.advisor = advisor;
		this.beanFactory = beanFactory;
		this.history = history;
		this.queries = new TransitionQueries(store);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T on(T entity) {
		Object target = target(entity);
		workflowsOf(target);
		ProxyFactory proxyFactory = new ProxyFactory(target);
		proxyFactory.setProxyTargetClass(true);
		proxyFactory.addAdvisor(this.advisor);
		return (T) proxyFactory.getProxy(target.getClass().getClassLoader());
	}

	@Override
	public @Nullable Object fire(Object entity, String transition, @Nullable Object... arguments) {
		Object target = target(entity);
		TransitionModel model = resolve(target, transition);
		@Nullable Object[] given = (arguments != null) ? arguments : new Object[] { null };
		checkArguments(model, target, given);
		try {
			String beanName = model.beanName();
			if (beanName != null) {
				Object bean = this.beanFactory.getBean(beanName);
				Method method = model.method().getDeclaringClass().isInstance(bean) ? model.method()
						: AopUtils.selectInvocableMethod(model.method(), bean.getClass());
				return AopUtils.invokeJoinpointUsingReflection(bean, method, withEntity(model, target, given));
			}
			return this.executor.execute(model, target, target, given,
					() -> AopUtils.invokeJoinpointUsingReflection(target, model.method(), given));
		}
		catch (Throwable ex) {
			ReflectionUtils.rethrowRuntimeException(ex);
			return null;
		}
	}

	@Override
	public List<TransitionRoute> available(Object entity) {
		return possible(target(entity), false, null);
	}

	@Override
	public List<TransitionRoute> allowed(Object entity) {
		return possible(target(entity), true, null);
	}

	@Override
	public List<TransitionRoute> allowed(Object entity, Principal user) {
		return possible(target(entity), true, user);
	}

	@Override
	public List<TransitionOption> options(Object entity) {
		Object target = target(entity);
		return this.queries.options(workflowsOf(target), target, true, null);
	}

	@Override
	public boolean can(Object entity, String transition) {
		Object target = target(entity);
		return this.queries.option(resolve(target, transition), target, true, null).isPossible();
	}

	@Override
	public @Nullable String state(Object entity) {
		Object target = target(entity);
		return single(target, "state(entity, field)").state().getName(target);
	}

	@Override
	public @Nullable String state(Object entity, String field) {
		Object target = target(entity);
		return byField(target, field).state().getName(target);
	}

	@Override
	public Workflow workflow(Class<?> entityType) {
		List<WorkflowModel> workflows = this.registry.workflowsOf(entityType);
		if (workflows.size() != 1) {
			throw new IllegalArgumentException(entityType.getSimpleName() + " has " + workflows.size()
					+ " workflows " + workflows + "; call workflow(" + entityType.getSimpleName()
					+ ".class, field) to choose one");
		}
		return workflows.get(0).view();
	}

	@Override
	public Workflow workflow(Class<?> entityType, String field) {
		for (WorkflowModel workflow : this.registry.workflowsOf(entityType)) {
			if (workflow.state().field().getName().equals(field)) {
				return workflow.view();
			}
		}
		throw new IllegalArgumentException(entityType.getSimpleName() + " has no @StateField named '" + field + "'");
	}

	@Override
	public List<Workflow> workflows() {
		return this.registry.workflows().stream().map(WorkflowModel::view).toList();
	}

	@Override
	public List<TransitionRecord> history(Object entity) {
		TransitionHistory history = this.history.getIfAvailable();
		if (history == null) {
			throw new IllegalStateException("The audit trail is off, so there is no history of "
					+ ClassUtils.getUserClass(target(entity)).getSimpleName()
					+ " (it needs JPA and Spring Data, and fsm.audit.enabled must not be false)");
		}
		return history.of(target(entity));
	}

	@Override
	public void forceState(Object entity, String state, String reason) {
		Object target = target(entity);
		this.executor.forceState(single(target, "forceState(entity, field, state, reason)"), target, state, reason);
	}

	@Override
	public void forceState(Object entity, String field, String state, String reason) {
		Object target = target(entity);
		this.executor.forceState(byField(target, field), target, state, reason);
	}

	@Override
	public <T> T runAs(String actor, Supplier<T> work) {
		return this.actors.runAs(() -> actor, work);
	}

	@Override
	public <T> T runAs(Principal user, Supplier<T> work) {
		return this.actors.runAs(user, work);
	}

	private List<TransitionRoute> possible(Object target, boolean checkPermission, @Nullable Principal user) {
		List<TransitionRoute> result = new ArrayList<>();
		for (TransitionOption option : this.queries.options(workflowsOf(target), target, checkPermission, user)) {
			if (option.isPossible()) {
				result.add(option.transition());
			}
		}
		return result;
	}

	private TransitionModel resolve(Object target, String name) {
		List<WorkflowModel> workflows = workflowsOf(target);
		List<TransitionModel> candidates = this.registry.transitionsNamed(target.getClass(), name);
		if (candidates.isEmpty()) {
			throw TransitionErrors.unknown(workflows.get(0).entityType(), this.store.idOf(target), name, workflows,
					target);
		}
		if (candidates.size() > 1) {
			throw TransitionErrors.ambiguous(workflows.get(0).entityType(), this.store.idOf(target), name, candidates);
		}
		return candidates.get(0);
	}

	private WorkflowModel single(Object target, String alternative) {
		List<WorkflowModel> workflows = workflowsOf(target);
		if (workflows.size() != 1) {
			throw new IllegalArgumentException(ClassUtils.getUserClass(target).getSimpleName() + " has "
					+ workflows.size() + " workflows " + workflows + "; call " + alternative + " to choose one");
		}
		return workflows.get(0);
	}

	private WorkflowModel byField(Object target, String field) {
		for (WorkflowModel workflow : workflowsOf(target)) {
			if (workflow.state().field().getName().equals(field)) {
				return workflow;
			}
		}
		throw new IllegalArgumentException(
				ClassUtils.getUserClass(target).getSimpleName() + " has no @StateField named '" + field + "'");
	}

	private List<WorkflowModel> workflowsOf(Object target) {
		List<WorkflowModel> workflows = this.registry.workflowsOf(target.getClass());
		if (workflows.isEmpty()) {
			Class<?> type = ClassUtils.getUserClass(target);
			throw new IllegalArgumentException(WorkflowIntrospector.isWorkflowEntity(type)
					? type.getName() + " is not one of the workflow entities found at start-up: it is not a JPA"
							+ " entity, no flow bean takes it, and it is outside the packages Spring Boot scans (those of"
							+ " @SpringBootApplication)"
					: type.getName() + " is not a workflow entity: it has no @StateField");
		}
		return workflows;
	}

	private void checkArguments(TransitionModel transition, Object target, @Nullable Object[] arguments) {
		List<Class<?>> types = transition.argumentTypes();
		boolean fits = types.size() == arguments.length;
		for (int i = 0; fits && i < arguments.length; i++) {
			fits = ClassUtils.isAssignableValue(types.get(i), arguments[i]);
		}
		if (!fits) {
			throw TransitionErrors.badArguments(transition, target, this.store.idOf(target), arguments);
		}
	}

	private static @Nullable Object[] withEntity(TransitionModel transition, Object entity,
			@Nullable Object[] arguments) {
		@Nullable Object[] all = new Object[arguments.length + 1];
		int index = transition.entityParameterIndex();
		System.arraycopy(arguments, 0, all, 0, index);
		all[index] = entity;
		System.arraycopy(arguments, index, all, index + 1, arguments.length - index);
		return all;
	}

	private Object target(Object entity) {
		Object candidate = entity;
		if (candidate instanceof Advised advised && AopUtils.isAopProxy(candidate)) {
			try {
				Object target = advised.getTargetSource().getTarget();
				if (target != null) {
					candidate = target;
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot read the target of " + entity.getClass().getName(), ex);
			}
		}
		return this.store.unproxy(candidate);
	}

}
