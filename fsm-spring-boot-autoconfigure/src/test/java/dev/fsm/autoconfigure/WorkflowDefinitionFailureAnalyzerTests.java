package dev.fsm.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.fsm.WorkflowDefinitionException;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowDefinitionFailureAnalyzerTests {

	@Test
	void printsEveryProblemAndWhatToDo() {
		WorkflowDefinitionException problems = new WorkflowDefinitionException(
				List.of("Transition 'a' of workflow 'X.state' target 'Q' is not a state of workflow 'X.state' [P]"));
		FailureAnalysis analysis = new WorkflowDefinitionFailureAnalyzer()
			.analyze(new BeanCreationException("workflowRegistry", "failed", problems));
		assertThat(analysis.getDescription()).isEqualTo("1 problem in workflow declarations:" + System.lineSeparator()
				+ "  1. Transition 'a' of workflow 'X.state' target 'Q' is not a state of workflow 'X.state' [P]");
		assertThat(analysis.getAction()).isEqualTo("Fix the @StateField and @Transition declarations listed above;"
				+ " each names the class, method and attribute at fault.");
		assertThat(analysis.getCause()).isSameAs(problems);
	}

}
