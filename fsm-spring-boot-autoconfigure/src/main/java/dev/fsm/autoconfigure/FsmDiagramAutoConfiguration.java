package dev.fsm.autoconfigure;

import java.nio.file.Path;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;
import dev.fsm.diagram.DefaultWorkflowDiagrams;
import dev.fsm.diagram.WorkflowDiagramExporter;

/**
 * Auto-configuration of workflow diagrams: the {@link WorkflowDiagrams} bean (a
 * {@link DefaultWorkflowDiagrams} unless the application declares its own), and the
 * {@link WorkflowDiagramExporter} that writes every workflow's diagrams to
 * {@code fsm.diagrams.export-dir} when that property is set.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = FsmAutoConfiguration.class)
@ConditionalOnBean(Transitions.class)
@EnableConfigurationProperties(FsmDiagramProperties.class)
public final class FsmDiagramAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(WorkflowDiagrams.class)
	WorkflowDiagrams workflowDiagrams(Transitions transitions, ObjectProvider<WorkflowMessages> messages) {
		return new DefaultWorkflowDiagrams(transitions, messages.getIfUnique(() -> WorkflowMessages.ANNOTATIONS));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("fsm.diagrams.export-dir")
	WorkflowDiagramExporter workflowDiagramExporter(Transitions transitions, WorkflowDiagrams diagrams,
			FsmDiagramProperties settings) {
		Path directory = settings.getExportDir();
		if (directory == null) {
			throw new IllegalStateException("fsm.diagrams.export-dir is empty");
		}
		return new WorkflowDiagramExporter(transitions, diagrams, directory, settings.getExportFormats(),
				settings.isExitAfterExport());
	}

}
