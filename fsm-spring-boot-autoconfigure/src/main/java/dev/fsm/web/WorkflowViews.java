package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.util.ClassUtils;

import dev.fsm.TransitionOption;
import dev.fsm.TransitionParameter;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.WorkflowMessages;

/**
 * The JSON documents of the HTTP API, as ordered maps: a workflow, an entity with its
 * options, a transition, the answer to a fired transition. Only what the catalog exposes
 * is shown.
 */
final class WorkflowViews {

	private static final Log logger = LogFactory.getLog(WorkflowViews.class);

	private final WorkflowCatalog catalog;

	private final RefusalMessages refusals;

	private final WorkflowMessages messages;

	WorkflowViews(WorkflowCatalog catalog, RefusalMessages refusals) {
		this(catalog, refusals, WorkflowMessages.ANNOTATIONS);
	}

	WorkflowViews(WorkflowCatalog catalog, RefusalMessages refusals, WorkflowMessages messages) {
		this.catalog = catalog;
		this.refusals = refusals;
		this.messages = messages;
	}

	Map<String, Object> workflow(Workflow workflow) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", workflow.name());
		view.put("entity", workflow.entityName());
		view.put("states", workflow.states());
		view.put("stateDetails", workflow.states().stream().map((state) -> state(workflow, state)).toList());
		view.put("initialState", workflow.initialState());
		view.put("groups", GroupViews.groups(workflow));
		List<Map<String, Object>> routes = new ArrayList<>();
		for (TransitionRoute route : workflow.transitions()) {
			if (this.catalog.isExposed(route)) {
				Map<String, Object> transition = transition(route);
				transition.put("sources", route.sources());
				routes.add(transition);
			}
		}
		view.put("transitions", routes);
		return view;
	}

	/**
	 * The entity's summary, and each exposed transition of the workflow with whether and
	 * why not (in words, {@link RefusalMessages}); for those the user may fire, the
	 * current values of the entity's properties named like the transition's parameters
	 * ({@code defaults}), which a form starts from.
	 */
	Map<String, Object> entity(Workflow workflow, Object entity, Map<String, Object> summary,
			List<TransitionOption> options) {
		Map<String, Object> view = new LinkedHashMap<>(summary);
		view.put("workflow", workflow.name());
		addStateLabel(workflow, view);
		List<Map<String, Object>> routes = new ArrayList<>();
		for (TransitionOption option : options) {
			TransitionRoute route = option.transition();
			if (route.workflow().equals(workflow.name()) && this.catalog.isExposed(route)) {
				Map<String, Object> transition = transition(route);
				transition.put("status", option.status());
				transition.put("allowed", option.status() == TransitionOption.Status.ALLOWED);
				transition.put("reasons", this.refusals.reasons(option));
				transition.put("message", this.messages.refusal(option, entity));
				if (option.status() == TransitionOption.Status.ALLOWED
						|| option.status() == TransitionOption.Status.NEEDS_INPUT) {
					transition.put("defaults", defaults(entity, route));
				}
				routes.add(transition);
			}
		}
		view.put("transitions", routes);
		return view;
	}

	/**
	 * The entity's readable properties named like the transition's parameters, of their
	 * types.
	 */
	private static Map<String, Object> defaults(Object entity, TransitionRoute route) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(entity);
		for (TransitionParameter parameter : route.parameters()) {
			if (properties.isReadableProperty(parameter.name())) {
				Object value;
				try {
					value = properties.getPropertyValue(parameter.name());
				}
				catch (BeansException ex) {
					// one getter that throws leaves its field empty, never the whole page
					// broken
					logger.warn("Cannot read property '" + parameter.name() + "' of " + entity.getClass().getName()
							+ " as the default of transition '" + route.name() + "'", ex);
					continue;
				}
				if (value != null && ClassUtils.isAssignableValue(parameter.type(), value)) {
					defaults.put(parameter.name(), value);
				}
			}
		}
		return defaults;
	}

	static Map<String, Object> fired(Workflow workflow, String id, String transition, TransitionResult<?> result) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("workflow", workflow.name());
		view.put("id", id);
		view.put("transition", transition);
		view.put("state", result.state());
		view.put("version", result.version());
		view.put("result", result.value());
		return view;
	}

	static Map<String, Object> page(List<?> content, int page, int size, long total) {
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("content", content);
		result.put("page", page);
		result.put("size", size);
		result.put("totalElements", total);
		result.put("totalPages", (size > 0) ? (total + size - 1) / size : 0);
		return result;
	}

	/**
	 * A state's name with its label and description: the entries of {@code stateDetails},
	 * and what the counts of {@code /states} add.
	 */
	Map<String, Object> state(Workflow workflow, String state) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("name", state);
		addLabel(workflow, state, view);
		return view;
	}

	/** Adds {@code label} and {@code description} to each count of {@code /states}. */
	List<Map<String, Object>> counts(Workflow workflow, List<Map<String, Object>> counts) {
		for (Map<String, Object> count : counts) {
			addLabel(workflow, String.valueOf(count.get("state")), count);
		}
		return counts;
	}

	/** Adds {@code stateLabel} to each entity of a page of {@code /{workflow}}. */
	Map<String, Object> entities(Workflow workflow, Map<String, Object> page) {
		if (page.get("content") instanceof List<?> content) {
			for (Object entry : content) {
				if (entry instanceof Map<?, ?> summary) {
					@SuppressWarnings("unchecked")
					Map<String, Object> writable = (Map<String, Object>) summary;
					addStateLabel(workflow, writable);
				}
			}
		}
		return page;
	}

	private void addStateLabel(Workflow workflow, Map<String, Object> summary) {
		Object state = summary.get("state");
		summary.put("stateLabel", (state != null) ? this.messages.stateLabel(workflow, String.valueOf(state)) : null);
	}

	private void addLabel(Workflow workflow, String state, Map<String, Object> view) {
		view.put("label", this.messages.stateLabel(workflow, state));
		view.put("description", this.messages.stateDescription(workflow, state));
	}

	private Map<String, Object> transition(TransitionRoute route) {
		Map<String, Object> transition = new LinkedHashMap<>();
		transition.put("name", route.name());
		transition.put("label", this.messages.transitionLabel(route));
		String description = this.messages.transitionDescription(route);
		transition.put("description", (description != null) ? description : "");
		transition.put("confirm", this.messages.confirmation(route));
		transition.put("targets", route.targets());
		transition.put("properties", route.properties());
		transition.put("needsInput", route.needsArguments());
		Map<String, Object> schema = ArgumentBinder.schema(route);
		List<Map<String, Object>> parameters = new ArrayList<>();
		for (TransitionParameter parameter : route.parameters()) {
			String label = this.messages.parameterLabel(route, parameter);
			String help = this.messages.parameterHelp(route, parameter);
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("name", parameter.name());
			view.put("label", label);
			view.put("help", help);
			view.put("type", parameter.typeName());
			view.put("required", !parameter.optional());
			parameters.add(view);
			if (schema.get("properties") instanceof Map<?, ?> properties
					&& properties.get(parameter.name()) instanceof Map<?, ?> property) {
				@SuppressWarnings("unchecked")
				Map<String, Object> writable = (Map<String, Object>) property;
				writable.put("title", label);
				if (help != null) {
					writable.put("description", help);
				}
			}
		}
		transition.put("parameters", parameters);
		transition.put("arguments", schema);
		return transition;
	}

}
