package dev.fsm.actuate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;
import org.springframework.util.MimeType;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;

/**
 * The {@code workflows} Actuator endpoint. {@code GET /actuator/workflows} lists every
 * workflow; {@code GET /actuator/workflows/{name}} returns one, as JSON by default, or as
 * Mermaid, DOT or SVG when the {@code Accept} header asks for {@code text/vnd.mermaid},
 * {@code text/vnd.graphviz} or {@code image/svg+xml}, or the {@code format} parameter says
 * {@code json}, {@code mermaid}, {@code dot} or {@code svg}. The parameter wins, so a browser
 * shows {@code /actuator/workflows/CaseReport.state?format=svg} as an image.
 * <p>
 * A web endpoint only: diagrams are HTTP representations.
 *
 * @since 0.1.0
 * <p>
 * Public because the auto-configuration registers it.
 */
@WebEndpoint(id = "workflows")
public class WorkflowsEndpoint {

	private final Transitions transitions;

	private final WorkflowDiagrams diagrams;

	private final WorkflowMessages messages;

	public WorkflowsEndpoint(Transitions transitions, WorkflowDiagrams diagrams) {
		this(transitions, diagrams, WorkflowMessages.ANNOTATIONS);
	}

	/**
	 * @param messages the labels and descriptions shown beside the names
	 * @since 0.5.0
	 */
	public WorkflowsEndpoint(Transitions transitions, WorkflowDiagrams diagrams, WorkflowMessages messages) {
		this.transitions = transitions;
		this.diagrams = diagrams;
		this.messages = messages;
	}

	/** Every workflow of the application, ordered by name. */
	@ReadOperation
	public WorkflowsDescriptor workflows() {
		return new WorkflowsDescriptor(
				this.transitions.workflows().stream().map((workflow) -> WorkflowDescriptor.of(workflow, this.messages)).toList());
	}

	/**
	 * One workflow, by name ({@code CaseReport.state}) or, when its entity has a single
	 * workflow, by the entity's simple class name ({@code CaseReport}).
	 * @param name the workflow or entity name
	 * @param accepted the representation the {@code Accept} header asks for
	 * @param format the representation asked for by name, overriding the header
	 */
	@ReadOperation(producesFrom = WorkflowFormat.class)
	public WebEndpointResponse<?> workflow(@Selector String name, WorkflowFormat accepted, @Nullable String format) {
		WorkflowFormat chosen = accepted;
		if (format != null) {
			WorkflowFormat named = WorkflowFormat.named(format);
			if (named == null) {
				return new WebEndpointResponse<>(
						"Unknown format '" + format + "'; use json, mermaid, dot or svg",
						WebEndpointResponse.STATUS_BAD_REQUEST, new MimeType("text", "plain", StandardCharsets.UTF_8));
			}
			chosen = named;
		}
		Workflow workflow = find(name);
		if (workflow == null) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		DiagramFormat diagramFormat = chosen.diagramFormat();
		if (diagramFormat == null) {
			return new WebEndpointResponse<>(WorkflowDescriptor.of(workflow, this.messages), chosen);
		}
		return new WebEndpointResponse<>(this.diagrams.render(workflow, diagramFormat, Highlight.none()), chosen);
	}

	private @Nullable Workflow find(String name) {
		List<Workflow> workflows = this.transitions.workflows();
		for (Workflow workflow : workflows) {
			if (workflow.name().equals(name)) {
				return workflow;
			}
		}
		List<Workflow> ofEntity = workflows.stream()
			.filter((workflow) -> workflow.entityType().getSimpleName().equals(name))
			.toList();
		return (ofEntity.size() == 1) ? ofEntity.get(0) : null;
	}

	/**
	 * Every workflow of the application.
	 *
	 * @param workflows the workflows, ordered by name
	 */
	public record WorkflowsDescriptor(List<WorkflowDescriptor> workflows) implements OperationResponseBody {
	}

	/**
	 * One workflow.
	 *
	 * @param name the workflow name
	 * @param entity the fully qualified entity class name
	 * @param field the state field
	 * @param stateType the fully qualified type of the state field
	 * @param states the states, in declaration order
	 * @param initialState the initial state
	 * @param finalStates the states no transition leaves
	 * @param transitions one entry per source/target declaration
	 * @param stateDetails each state's label and description, in the order of {@code states}
	 */
	public record WorkflowDescriptor(String name, String entity, String field, String stateType, List<String> states,
			String initialState, List<String> finalStates, List<TransitionDescriptor> transitions,
			List<StateDescriptor> stateDetails) implements OperationResponseBody {

		static WorkflowDescriptor of(Workflow workflow, WorkflowMessages messages) {
			return new WorkflowDescriptor(workflow.name(), workflow.entityType().getName(), workflow.field(),
					workflow.stateType().getName(), workflow.states(), workflow.initialState(),
					List.copyOf(workflow.finalStates()),
					workflow.transitions().stream().map((route) -> TransitionDescriptor.of(route, messages)).toList(),
					workflow.states()
						.stream()
						.map((state) -> new StateDescriptor(state, messages.stateLabel(workflow, state),
								messages.stateDescription(workflow, state)))
						.toList());
		}

	}

	/**
	 * One state, in words.
	 *
	 * @param name the state name
	 * @param label its label
	 * @param description its description, {@code null} when none is declared
	 * @since 0.5.0
	 */
	public record StateDescriptor(String name, String label, @Nullable String description) {
	}

	/**
	 * One declaration of a transition.
	 *
	 * @param name the transition name
	 * @param label the label
	 * @param description the description, empty when none was declared
	 * @param sources the source states, wildcards expanded
	 * @param targets the target states: none for a check-only transition, several for a
	 * dynamic one
	 * @param onError the state taken when the body throws, or {@code null}
	 * @param permission the Spring Security expression, or {@code null}
	 * @param conditions the condition expressions
	 * @param properties the custom properties
	 * @param confirm the question asked before firing it, {@code null} when none
	 */
	public record TransitionDescriptor(String name, String label, String description, List<String> sources,
			List<String> targets, @Nullable String onError, @Nullable String permission, List<String> conditions,
			Map<String, String> properties, @Nullable String confirm) {

		static TransitionDescriptor of(TransitionRoute transition, WorkflowMessages messages) {
			String description = messages.transitionDescription(transition);
			return new TransitionDescriptor(transition.name(), messages.transitionLabel(transition),
					(description != null) ? description : "", transition.sources(), transition.targets(),
					transition.onError(), transition.permission(), transition.conditions(), transition.properties(),
					messages.confirmation(transition));
		}

	}

}
