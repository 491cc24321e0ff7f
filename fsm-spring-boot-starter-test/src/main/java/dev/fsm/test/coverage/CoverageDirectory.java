package dev.fsm.test.coverage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The coverage files in a build directory ({@code target}): one file per test JVM in
 * {@code fsm-coverage/}, and the merged {@code fsm-coverage.json} and
 * {@code fsm-coverage.md}. Writers of several JVMs take turns through a file lock, so
 * that the JVM that finishes last leaves a report of every JVM of its run; files of an
 * earlier run are deleted.
 */
final class CoverageDirectory {

	static final String JVM_FILES = "fsm-coverage";

	static final String JSON_REPORT = "fsm-coverage.json";

	static final String MARKDOWN_REPORT = "fsm-coverage.md";

	private final Path buildDirectory;

	CoverageDirectory(Path buildDirectory) {
		this.buildDirectory = buildDirectory;
	}

	Path markdownReport() {
		return this.buildDirectory.resolve(MARKDOWN_REPORT);
	}

	Path jsonReport() {
		return this.buildDirectory.resolve(JSON_REPORT);
	}

	/**
	 * Writes the file of one JVM, then the reports of every file of its run; deletes the
	 * files of other runs.
	 * @return the summary of the merged report
	 */
	synchronized CoverageSummary writeJvm(String jvm, String run, CoverageData data) throws IOException {
		Path folder = this.buildDirectory.resolve(JVM_FILES);
		Files.createDirectories(folder);
		try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			write(folder.resolve(jvm + ".json"), CoverageJson.write(data, run, null));
			CoverageData merged = new CoverageData();
			for (Path file : jvmFiles(folder)) {
				CoverageJson.Parsed parsed = read(file);
				if (run.equals(parsed.run())) {
					merged.merge(parsed.data());
				}
				else {
					Files.deleteIfExists(file);
				}
			}
			return writeReports(merged);
		}
	}

	/**
	 * Merges the files of the newest run (the run of the file written last) and writes
	 * the reports: what the Maven plugin does once every test JVM has finished.
	 * @return the summary, empty when there are no files
	 */
	synchronized Optional<CoverageSummary> mergeNewestRun() throws IOException {
		Path folder = this.buildDirectory.resolve(JVM_FILES);
		if (!Files.isDirectory(folder)) {
			return Optional.empty();
		}
		try (FileChannel channel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			Map<String, CoverageData> runs = new LinkedHashMap<>();
			CoverageData newest = null;
			FileTime newestTime = null;
			for (Path file : jvmFiles(folder)) {
				CoverageJson.Parsed parsed = read(file);
				CoverageData run = runs.computeIfAbsent(String.valueOf(parsed.run()), (r) -> new CoverageData());
				run.merge(parsed.data());
				FileTime modified = Files.getLastModifiedTime(file);
				if (newestTime == null || modified.compareTo(newestTime) > 0) {
					newest = run;
					newestTime = modified;
				}
			}
			return (newest != null) ? Optional.of(writeReports(newest)) : Optional.empty();
		}
	}

	private CoverageSummary writeReports(CoverageData merged) throws IOException {
		CoverageSummary summary = CoverageSummary.of(merged);
		write(jsonReport(), CoverageJson.write(merged, null, summary));
		write(markdownReport(), CoverageMarkdown.render(merged, summary));
		return summary;
	}

	private static List<Path> jvmFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return new ArrayList<>(
					files.filter((file) -> file.getFileName().toString().endsWith(".json")).sorted().toList());
		}
	}

	private static CoverageJson.Parsed read(Path file) throws IOException {
		try {
			return CoverageJson.read(Files.readString(file, StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("Cannot read the transition coverage file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Writes a file whole or not at all: readers in other JVMs never see half of it. */
	private static void write(Path file, String content) throws IOException {
		Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
		Files.writeString(temporary, content, StandardCharsets.UTF_8);
		try {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
