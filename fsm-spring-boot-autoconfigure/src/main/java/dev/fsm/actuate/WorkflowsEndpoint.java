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
import dev.fsm.operations.StateCounts;
import dev.fsm.operations.StoredStateCheck;
import dev.fsm.operations.StoredStateReport;

/**
 * The {@code workflows} Actuator endpoint. {@code GET /actuator/workflows} lists every
 * workflow; {@code GET /actuator/workflows/{name}} returns one, as JSON by default, or as
 * Mermaid, DOT or SVG when the {@code Accept} header asks for {@code text/vnd.mermaid},
 * {@code text/vnd.graphviz} or {@code image/svg+xml}, or the {@code format} parameter
 * says {@code json}, {@code mermaid}, {@code dot} or {@code svg}. The parameter wins, so
 * a browser shows {@code /actuator/workflows/CaseReport.state?format=svg} as an image.
 * <p>
 * {@code GET /actuator/workflows/stored-states} counts, per workflow, the rows whose
 * stored state is no declared state, NULL included (one {@code GROUP BY} per workflow),
 * with the repair in its {@code message}; no workflow can have that name, as workflow
 * names have a dot.
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

	/** The selector of the stored-state check. */
	static final String STORED_STATES = "stored-states";

	private final WorkflowDiagrams diagrams;

	private final WorkflowMessages messages;

	private final @Nullable StoredStateCheck storedStates;

	public WorkflowsEndpoint(Transitions transitions, WorkflowDiagrams diagrams) {
		this(transitions, diagrams, WorkflowMessages.ANNOTATIONS);
	}

	/**
	 * @param messages the labels and descriptions shown beside the names
	 * @since 0.5.0
	 */
	public WorkflowsEndpoint(Transitions transitions, WorkflowDiagrams diagrams, WorkflowMessages messages) {
		this(transitions, diagrams, messages, null);
	}

	/**
	 * @param messages the labels and descriptions shown beside the names
	 * @param storedStates the check behind {@code /actuator/workflows/stored-states},
	 * {@code null} without JPA
	 * @since 0.6.0
	 */
	public WorkflowsEndpoint(Transitions transitions, WorkflowDiagrams diagrams, WorkflowMessages messages,
			@Nullable StoredStateCheck storedStates) {
		this.transitions = transitions;
		this.diagrams = diagrams;
		this.messages = messages;
		this.storedStates = storedStates;
	}

	/** Every workflow of the application, ordered by name. */
	@ReadOperation
	public WorkflowsDescriptor workflows() {
		return new WorkflowsDescriptor(this.transitions.workflows()
			.stream()
			.map((workflow) -> WorkflowDescriptor.of(workflow, this.messages))
			.toList());
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
				return new WebEndpointResponse<>("Unknown format '" + format + "'; use json, mermaid, dot or svg",
						WebEndpointResponse.STATUS_BAD_REQUEST, new MimeType("text", "plain", StandardCharsets.UTF_8));
			}
			chosen = named;
		}
		if (STORED_STATES.equals(name) && this.storedStates != null) {
			return new WebEndpointResponse<>(StoredStatesDescriptor.of(this.storedStates.check()), WorkflowFormat.JSON);
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
	 * The stored states no workflow declares.
	 *
	 * @param clean whether every stored state is a declared state
	 * @param rows how many rows hold an undeclared state
	 * @param workflows each workflow with such rows
	 * @param checked the workflows checked
	 * @param unchecked the workflows that cannot be counted (not stored in a column of
	 * their own)
	 * @param message the report in words, with the repair
	 */
	public record StoredStatesDescriptor(boolean clean, long rows, List<DriftDescriptor> workflows,
			List<String> checked, List<String> unchecked, String message) implements OperationResponseBody {

		static StoredStatesDescriptor of(StoredStateReport report) {
			return new StoredStatesDescriptor(report.isClean(), report.rows(),
					report.workflows().stream().map(DriftDescriptor::of).toList(), report.checked(), report.unchecked(),
					report.message());
		}

	}

	/**
	 * The undeclared stored states of one workflow.
	 *
	 * @param name the workflow name
	 * @param table the table
	 * @param column the state column
	 * @param undeclared each undeclared value ({@code null} for NULL) and its row count
	 * @param storedValues the stored form of each declared state, as SQL literals
	 */
	public record DriftDescriptor(String name, String table, String column, List<UndeclaredValue> undeclared,
			Map<String, String> storedValues) {

		static DriftDescriptor of(StateCounts.Counted counted) {
			return new DriftDescriptor(counted.workflow().name(), counted.table(), counted.column(),
					counted.undeclared().stream().map((u) -> new UndeclaredValue(u.value(), u.rows())).toList(),
					counted.storedValues());
		}

	}

	/**
	 * A stored value no state of its workflow maps to.
	 *
	 * @param value the value as text, {@code null} for NULL
	 * @param rows how many rows hold it
	 */
	public record UndeclaredValue(@Nullable String value, long rows) {
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
	 * @param stateDetails each state's label and description, in the order of
	 * {@code states}
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
