package dev.fsm.engine;

import java.util.List;

import org.springframework.aop.framework.Advised;
import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;

import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.EntityStore;

/**
 * Finds, for the facade, the entity behind views and proxies, its workflows and its
 * transitions, with an error in the user's words when there is none or more than one.
 */
final class WorkflowLookup {

	private final WorkflowRegistry registry;

	private final EntityStore store;

	WorkflowLookup(WorkflowRegistry registry, EntityStore store) {
		this.registry = registry;
		this.store = store;
	}

	TransitionModel resolve(Object target, String name) {
		List<WorkflowModel> workflows = workflowsOf(target);
		TransitionModel found = null;
		for (int i = 0; i < workflows.size(); i++) {
			TransitionModel candidate = workflows.get(i).transition(name);
			if (candidate != null) {
				if (found != null) {
					throw TransitionErrors.ambiguous(this.store, workflows.get(0).entityType(), this.store.idOf(target),
							name, this.registry.transitionsNamed(target.getClass(), name));
				}
				found = candidate;
			}
		}
		if (found == null) {
			throw TransitionErrors.unknown(this.store, workflows.get(0).entityType(), this.store.idOf(target), name,
					workflows, target);
		}
		return found;
	}

	WorkflowModel single(Object target, String alternative) {
		List<WorkflowModel> workflows = workflowsOf(target);
		if (workflows.size() != 1) {
			throw new IllegalArgumentException(ClassUtils.getUserClass(target).getSimpleName() + " has "
					+ workflows.size() + " workflows " + workflows + "; call " + alternative + " to choose one");
		}
		return workflows.get(0);
	}

	WorkflowModel byField(Object target, String field) {
		for (WorkflowModel workflow : workflowsOf(target)) {
			if (workflow.state().field().getName().equals(field)) {
				return workflow;
			}
		}
		throw new IllegalArgumentException(
				ClassUtils.getUserClass(target).getSimpleName() + " has no @StateField named '" + field + "'");
	}

	List<WorkflowModel> workflowsOf(Object target) {
		List<WorkflowModel> workflows = this.registry.workflowsOf(target.getClass());
		if (workflows.isEmpty()) {
			Class<?> type = ClassUtils.getUserClass(target);
			throw new IllegalArgumentException(WorkflowIntrospector.isWorkflowEntity(type) ? type.getName()
					+ " is not one of the workflow entities found at start-up: it is not a JPA"
					+ " entity, no flow bean takes it, and it is outside the packages Spring Boot scans (those of"
					+ " @SpringBootApplication)" : type.getName() + " is not a workflow entity: it has no @StateField");
		}
		return workflows;
	}

	/**
	 * The entity behind a {@code transitions.on(..)} view and behind a persistence proxy.
	 */
	Object target(Object entity) {
		Object candidate = entity;
		Object viewed = EntityViews.targetOf(candidate);
		if (viewed != null) {
			candidate = viewed;
		}
		else if (candidate instanceof Advised advised && AopUtils.isAopProxy(candidate)) {
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
