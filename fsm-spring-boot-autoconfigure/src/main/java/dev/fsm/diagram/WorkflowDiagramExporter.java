package dev.fsm.diagram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationListener;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;

/**
 * Writes the diagrams of every workflow of the application to a folder, one file per
 * workflow and format ({@code CaseReport.state.svg}, {@code CaseReport.state.mmd},
 * {@code CaseReport.state.dot}), then shuts the application down unless told not to. The
 * auto-configuration registers it when {@code fsm.diagrams.export-dir} is set:
 *
 * <pre class="code">
 * ./mvnw spring-boot:run -Dspring-boot.run.arguments=--fsm.diagrams.export-dir=docs/diagrams
 * </pre>
 *
 * Nothing outside the JVM is needed: no Graphviz, no browser, no network. The files are
 * written when the application starts accepting traffic, the last step of
 * {@link SpringApplication#run}, so the application's own runners have all run and
 * closing the context then cuts nothing short.
 * <p>
 * Not API: public only so that the auto-configuration can register it. Applications set
 * the properties above, or render diagrams themselves with {@link WorkflowDiagrams}.
 *
 * @since 0.1.0
 * <p>
 * Public because the auto-configuration creates it.
 */
public class WorkflowDiagramExporter
		implements ApplicationListener<AvailabilityChangeEvent<ReadinessState>>, ApplicationContextAware {

	private static final Log logger = LogFactory.getLog(WorkflowDiagramExporter.class);

	private final Transitions transitions;

	private final WorkflowDiagrams diagrams;

	private final Path directory;

	private final Set<DiagramFormat> formats;

	private final boolean exitAfterExport;

	private final AtomicBoolean exported = new AtomicBoolean();

	private @Nullable ApplicationContext applicationContext;

	public WorkflowDiagramExporter(Transitions transitions, WorkflowDiagrams diagrams, Path directory,
			Set<DiagramFormat> formats, boolean exitAfterExport) {
		this.transitions = transitions;
		this.diagrams = diagrams;
		this.directory = directory;
		this.formats = Set.copyOf(formats);
		this.exitAfterExport = exitAfterExport;
	}

	@Override
	public void setApplicationContext(ApplicationContext applicationContext) {
		this.applicationContext = applicationContext;
	}

	@Override
	public void onApplicationEvent(AvailabilityChangeEvent<ReadinessState> event) {
		if (event.getState() != ReadinessState.ACCEPTING_TRAFFIC || !this.exported.compareAndSet(false, true)) {
			return;
		}
		List<Path> files = export();
		logger.info("Wrote " + files.size() + " workflow diagram files to " + this.directory.toAbsolutePath());
		ApplicationContext context = this.applicationContext;
		if (this.exitAfterExport && context != null) {
			SpringApplication.exit(context);
		}
	}

	/**
	 * Writes the files now, replacing older ones.
	 * @return the files written
	 * @throws UncheckedIOException when the folder or a file cannot be written
	 */
	public List<Path> export() {
		List<Path> files = new ArrayList<>();
		try {
			Files.createDirectories(this.directory);
			for (Workflow workflow : this.transitions.workflows()) {
				for (DiagramFormat format : DiagramFormat.values()) {
					if (this.formats.contains(format)) {
						Path file = this.directory.resolve(fileName(workflow) + "." + format.fileExtension());
						Files.writeString(file, this.diagrams.render(workflow, format, Highlight.none()));
						files.add(file);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write workflow diagrams to " + this.directory.toAbsolutePath(), ex);
		}
		return files;
	}

	/** The workflow name, with characters that some file systems reject replaced. */
	static String fileName(Workflow workflow) {
		return workflow.name().replaceAll("[^A-Za-z0-9._-]", "_");
	}

}
