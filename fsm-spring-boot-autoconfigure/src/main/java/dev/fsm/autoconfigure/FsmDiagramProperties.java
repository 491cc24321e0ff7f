package dev.fsm.autoconfigure;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.fsm.DiagramFormat;

/**
 * Writing the diagrams of every workflow to a folder, for documentation.
 *
 * @since 0.6.0
 */
@ConfigurationProperties("fsm.diagrams")
public class FsmDiagramProperties {

	/**
	 * Folder to write the diagrams of every workflow to once the application has started,
	 * one file per workflow and format. Unset: nothing is written.
	 */
	private @Nullable Path exportDir;

	/**
	 * Formats to write.
	 */
	private Set<DiagramFormat> exportFormats = EnumSet.allOf(DiagramFormat.class);

	/**
	 * Whether the application shuts down once the diagrams are written.
	 */
	private boolean exitAfterExport = true;

	public @Nullable Path getExportDir() {
		return this.exportDir;
	}

	public void setExportDir(@Nullable Path exportDir) {
		this.exportDir = exportDir;
	}

	public Set<DiagramFormat> getExportFormats() {
		return this.exportFormats;
	}

	public void setExportFormats(Set<DiagramFormat> exportFormats) {
		this.exportFormats = exportFormats;
	}

	public boolean isExitAfterExport() {
		return this.exitAfterExport;
	}

	public void setExitAfterExport(boolean exitAfterExport) {
		this.exitAfterExport = exitAfterExport;
	}

}
