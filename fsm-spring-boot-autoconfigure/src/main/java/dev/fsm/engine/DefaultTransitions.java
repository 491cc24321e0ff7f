package dev.fsm.engine;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.convert.ConversionService;
import org.springframework.util.ClassUtils;

import dev.fsm.EntityRef;
import dev.fsm.TransitionHistory;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.EntityStore;

/**
 * The {@link Transitions} facade.
 */
final class DefaultTransitions implements Transitions {

	private final WorkflowRegistry registry;

	private final TransitionExecutor executor;

	private final ActorProvider actors;

	private final EntityViews views;

	private final ObjectProvider<TransitionHistory> history;

	private final TransitionQueries queries;

	private final WorkflowLookup lookup;

	private final TransitionInvoker invoker;

	private final ByIdTransitions byId;

	/**
	 * @param conversions converts ids and versions given as text (path variables,
	 * headers) when firing by id
	 */
	DefaultTransitions(WorkflowRegistry registry, TransitionExecutor executor, EntityStore store, ActorProvider actors,
			TransitionAdvisor advisor, BeanFactory beanFactory, ObjectProvider<TransitionHistory> history,
			ConversionService conversions) {
		this.registry = registry;
		this.executor = executor;
		this.actors = actors;
		this.views = new EntityViews(advisor.interceptor());
		this.history = history;
		this.queries = new TransitionQueries(store);
		this.lookup = new WorkflowLookup(registry, store);
		this.invoker = new TransitionInvoker(executor, beanFactory, store, this.views::view);
		this.byId = new ByIdTransitions(this.lookup, registry, this.invoker, store, executor.transactions(),
				conversions, executor.concurrency(), executor.callers());
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T on(T entity) {
		Object target = this.lookup.target(entity);
		this.lookup.workflowsOf(target);
		return (T) this.views.view(target);
	}

	@Override
	public @Nullable Object fire(Object entity, String transition, @Nullable Object... arguments) {
		Object target = this.lookup.target(entity);
		return this.invoker.invoke(target, this.lookup.resolve(target, transition), arguments);
	}

	@Override
	public <T> TransitionResult<T> fire(EntityRef<T> entity, String transition, @Nullable Object... arguments) {
		return this.byId.fire(entity, transition, arguments);
	}

	@Override
	public <T> T on(EntityRef<T> entity) {
		return this.byId.view(entity);
	}

	@Override
	public List<TransitionRoute> available(Object entity) {
		return possible(this.lookup.target(entity), false, null);
	}

	@Override
	public List<TransitionRoute> allowed(Object entity) {
		return possible(this.lookup.target(entity), true, null);
	}

	@Override
	public List<TransitionRoute> allowed(Object entity, Principal user) {
		return possible(this.lookup.target(entity), true, user);
	}

	@Override
	public List<TransitionOption> options(Object entity) {
		Object target = this.lookup.target(entity);
		return this.queries.options(this.lookup.workflowsOf(target), target, true, null);
	}

	@Override
	public boolean can(Object entity, String transition) {
		Object target = this.lookup.target(entity);
		return this.queries.option(this.lookup.resolve(target, transition), target, true, null).isPossible();
	}

	@Override
	public @Nullable String state(Object entity) {
		Object target = this.lookup.target(entity);
		return this.lookup.single(target, "state(entity, field)").state().getName(target);
	}

	@Override
	public @Nullable String state(Object entity, String field) {
		Object target = this.lookup.target(entity);
		return this.lookup.byField(target, field).state().getName(target);
	}

	@Override
	public Workflow workflow(Class<?> entityType) {
		List<WorkflowModel> workflows = this.registry.workflowsOf(entityType);
		if (workflows.size() != 1) {
			throw new IllegalArgumentException(entityType.getSimpleName() + " has " + workflows.size() + " workflows "
					+ workflows + "; call workflow(" + entityType.getSimpleName() + ".class, field) to choose one");
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
					+ ClassUtils.getUserClass(this.lookup.target(entity)).getSimpleName()
					+ " (it needs JPA and Spring Data, and fsm.audit.enabled must not be false)");
		}
		return history.of(this.lookup.target(entity));
	}

	@Override
	public void forceState(Object entity, String state, String reason) {
		Object target = this.lookup.target(entity);
		this.executor.forceState(this.lookup.single(target, "forceState(entity, field, state, reason)"), target, state,
				reason);
	}

	@Override
	public void forceState(Object entity, String field, String state, String reason) {
		Object target = this.lookup.target(entity);
		this.executor.forceState(this.lookup.byField(target, field), target, state, reason);
	}

	@Override
	public <T extends @Nullable Object> T runAs(String actor, Supplier<T> work) {
		return this.actors.runAs(() -> actor, work);
	}

	@Override
	public <T extends @Nullable Object> T runAs(Principal user, Supplier<T> work) {
		return this.actors.runAs(user, work);
	}

	private List<TransitionRoute> possible(Object target, boolean checkPermission, @Nullable Principal user) {
		List<TransitionRoute> result = new ArrayList<>();
		for (TransitionOption option : this.queries.options(this.lookup.workflowsOf(target), target, checkPermission,
				user)) {
			if (option.isPossible()) {
				result.add(option.transition());
			}
		}
		return result;
	}

}
