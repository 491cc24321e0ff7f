package dev.fsm.sample;

import org.springframework.stereotype.Component;

import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowMessages;

/**
 * The workflow's words for the pages ({@code ${@reportWords.label(state)}}): the states' labels
 * as the workflow declares them, in the request's locale.
 */
@Component
public class ReportWords {

	private final Workflow workflow;

	private final WorkflowMessages messages;

	ReportWords(Transitions transitions, WorkflowMessages messages) {
		this.workflow = transitions.workflow(CaseReport.class);
		this.messages = messages;
	}

	/** The label of {@code state}, such as "Processing". */
	public String label(ReportState state) {
		return this.messages.stateLabel(this.workflow, state.name());
	}

}
