package dev.fsm.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps README.md and {@code docs/} true: the README stays a front page, links reach files and
 * anchors that exist, each page's table of contents lists its sections, every Java block is code
 * the build compiles, and every {@code fsm.*} property named exists.
 */
class DocumentationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final int FRONT_PAGE_LINES = 260;

	/** Where the Java blocks of the documentation come from. */
	private static final List<String> SOURCES = List.of("getting-started/src", "sample-app/src", "kotlin-sample/src",
			"fsm-spring-boot-autoconfigure/src/test/java", "fsm-spring-boot-autoconfigure/src/test-amqp/java",
			"fsm-spring-boot-starter-test/src", "examples/src");

	private static final Pattern LINK = Pattern.compile("\\[([^\\]]*)\\]\\(([^)\\s]+)\\)");

	private static final Pattern MESSAGE_KEY = Pattern.compile("fsm\\.(state|condition|param|refusal)\\b");

	private static final Pattern PROPERTY = Pattern.compile("(?<![\\w.-])fsm\\.[a-z][a-z0-9.-]*[a-z0-9]");

	@Test
	void theReadmeIsAFrontPage() throws IOException {
		assertThat(Files.readAllLines(ROOT.resolve("README.md")))
			.as("README.md is a front page of at most %d lines; move reference text to docs/", FRONT_PAGE_LINES)
			.hasSizeLessThanOrEqualTo(FRONT_PAGE_LINES);
	}

	@Test
	void linksReachFilesAndAnchorsThatExist() {
		List<String> broken = new ArrayList<>();
		for (Path page : pages()) {
			for (String target : links(page)) {
				String problem = brokenLink(page, target);
				if (problem != null) {
					broken.add(ROOT.relativize(page) + ": " + target + " (" + problem + ")");
				}
			}
		}
		assertThat(broken).as("links to files or anchors that do not exist").isEmpty();
	}

	@Test
	void everyPageListsItsSectionsInItsTableOfContents() {
		List<Path> pages = new ArrayList<>(docs());
		pages.add(ROOT.resolve("CONTRIBUTING.md"));
		for (Path page : pages) {
			String text = read(page);
			Matcher toc = Pattern.compile("<!-- toc -->\\n(.*?)<!-- /toc -->", Pattern.DOTALL).matcher(text);
			assertThat(toc.find()).as("%s has a table of contents between <!-- toc --> and <!-- /toc -->",
					ROOT.relativize(page)).isTrue();
			String expected = headings(text, 2).stream()
				.map((heading) -> "- [" + heading + "](#" + slug(heading) + ")\n")
				.collect(Collectors.joining());
			assertThat(toc.group(1)).as("the table of contents of %s", ROOT.relativize(page)).isEqualTo(expected);
		}
	}

	@Test
	void everyJavaBlockIsCompiledCode() {
		List<List<String>> sources = sources();
		List<String> strays = new ArrayList<>();
		for (Path page : markdown()) {
			for (Block block : javaBlocks(page)) {
				if (!block.sketch() && sources.stream().noneMatch((source) -> contains(source, block.lines()))) {
					strays.add(ROOT.relativize(page) + ", line " + block.line() + ": " + block.lines().get(0));
				}
			}
		}
		assertThat(strays).as("Java blocks that are in no compiled source (of %s); copy them from the code, write"
				+ " '...' for lines left out, or mark a mere sketch with <!-- sketch --> on the line before", SOURCES)
			.isEmpty();
	}

	@Test
	void theGuideAndTheReadmeShowOnlyCompiledCode() {
		for (Path page : List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/getting-started.md"))) {
			assertThat(javaBlocks(page)).as("Java blocks of %s", ROOT.relativize(page))
				.isNotEmpty()
				.noneMatch(Block::sketch);
		}
	}

	@Test
	void everyPropertyNamedExists() throws IOException {
		Set<String> known = metadataNames();
		Set<String> unknown = new TreeSet<>();
		for (Path page : markdown()) {
			Matcher matcher = PROPERTY.matcher(read(page));
			while (matcher.find()) {
				String name = matcher.group();
				// the coverage goal's Maven and system properties, and meter and observation names
				// (fsm.transition, fsm.timer.fired), are no Spring properties
				// nor are the message keys of labels and messages (fsm.state.DRAFT.label, fsm.refusal.or),
				// the operations meters (fsm.entities, fsm.time.in.state) and the stored-states goal's
				// Maven properties (fsm.stored-states.*)
				if (!name.startsWith("fsm.test.") && !name.startsWith("fsm.transition") && !name.startsWith("fsm.timer.")
						&& !MESSAGE_KEY.matcher(name).lookingAt() && !name.startsWith("fsm.entities")
						&& !name.equals("fsm.time.in.state") && !name.startsWith("fsm.stored-states.")
						&& !known.contains(name)) {
					unknown.add(ROOT.relativize(page) + ": " + name);
				}
			}
		}
		assertThat(known).as("the configuration metadata of the starter").contains("fsm.web.enabled");
		assertThat(unknown).as("fsm.* properties that the configuration metadata does not know").isEmpty();
	}

	@Test
	void aBlockMatchesARunOfLinesWhereThreeDotsStandForAnyLines() {
		List<String> source = List.of("class A {", "int a;", "int b;", "void run() {", "}", "}");
		assertThat(contains(source, List.of("int a;", "int b;"))).isTrue();
		assertThat(contains(source, List.of("class A {", "...", "void run() {", "}", "...", "}"))).isTrue();
		assertThat(contains(source, List.of("int b;", "int a;"))).isFalse();
		assertThat(contains(source, List.of("int a;", "void run() {"))).isFalse();
		assertThat(contains(source, List.of("class A {", "...", "int c;"))).isFalse();
	}

	@Test
	void anchorsAreGithubs() {
		assertThat(slug("Entities without `@Version`")).isEqualTo("entities-without-version");
		assertThat(slug("The `workflows` Actuator endpoint")).isEqualTo("the-workflows-actuator-endpoint");
		assertThat(slug("1. An empty application")).isEqualTo("1-an-empty-application");
		assertThat(anchors("# A\n## Same\n```\n## In code\n```\n## Same\n")).containsExactly("a", "same", "same-1");
	}

	private static List<Path> markdown() {
		List<Path> pages = new ArrayList<>();
		pages.add(ROOT.resolve("README.md"));
		pages.addAll(docs());
		return pages;
	}

	private static List<Path> pages() {
		List<Path> pages = new ArrayList<>(markdown());
		pages.add(ROOT.resolve("CHANGELOG.md"));
		pages.add(ROOT.resolve("CONTRIBUTING.md"));
		return pages;
	}

	private static List<Path> docs() {
		try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
			return files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The link targets of a page, outside code blocks and inline code. */
	private static List<String> links(Path page) {
		List<String> targets = new ArrayList<>();
		boolean fenced = false;
		for (String line : read(page).split("\n")) {
			if (line.startsWith("```")) {
				fenced = !fenced;
				continue;
			}
			if (!fenced) {
				Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
				while (matcher.find()) {
					targets.add(matcher.group(2));
				}
			}
		}
		return targets;
	}

	private static String brokenLink(Path page, String target) {
		if (target.matches("^[a-z]+:.*")) {
			return null;
		}
		int hash = target.indexOf('#');
		String file = (hash >= 0) ? target.substring(0, hash) : target;
		String anchor = (hash >= 0) ? target.substring(hash + 1) : null;
		Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
		if (!Files.exists(resolved)) {
			return "no such file";
		}
		if (anchor != null) {
			if (!resolved.toString().endsWith(".md")) {
				return "an anchor in a file that is no Markdown page";
			}
			Set<String> anchors = anchors(read(resolved));
			if (!anchors.contains(anchor)) {
				return "no such section; the page has " + anchors;
			}
		}
		return null;
	}

	/** The anchors GitHub gives a page's headings. */
	private static Set<String> anchors(String text) {
		Set<String> anchors = new LinkedHashSet<>();
		Map<String, Integer> seen = new LinkedHashMap<>();
		for (String heading : headings(text, 0)) {
			String slug = slug(heading);
			int count = seen.merge(slug, 1, Integer::sum);
			anchors.add((count == 1) ? slug : slug + "-" + (count - 1));
		}
		return anchors;
	}

	/** The text of the headings of a level (0: all), outside code blocks. */
	private static List<String> headings(String text, int level) {
		List<String> headings = new ArrayList<>();
		boolean fenced = false;
		for (String line : text.split("\n")) {
			if (line.startsWith("```")) {
				fenced = !fenced;
				continue;
			}
			Matcher heading = Pattern.compile("^(#{1,6}) (.*)$").matcher(line);
			if (!fenced && heading.matches() && (level == 0 || heading.group(1).length() == level)) {
				headings.add(heading.group(2));
			}
		}
		return headings;
	}

	/** GitHub's anchor of a heading: lower case, punctuation but hyphens dropped, spaces as hyphens. */
	static String slug(String heading) {
		return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}_\\- ]", "").replace(' ', '-');
	}

	/** A fenced Java block: its first line's number, its lines, and whether it is marked as a sketch. */
	record Block(int line, List<String> lines, boolean sketch) {
	}

	private static List<Block> javaBlocks(Path page) {
		List<Block> blocks = new ArrayList<>();
		String[] lines = read(page).split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].equals("```java")) {
				boolean sketch = i > 0 && lines[i - 1].strip().equals("<!-- sketch -->");
				List<String> code = new ArrayList<>();
				int start = i + 1;
				for (i++; i < lines.length && !lines[i].startsWith("```"); i++) {
					String normalized = normalize(lines[i]);
					if (!normalized.isEmpty()) {
						code.add(normalized);
					}
				}
				blocks.add(new Block(start + 1, code, sketch));
			}
		}
		return blocks;
	}

	/** Every source file of {@link #SOURCES} as its normalized non-blank lines. */
	private static List<List<String>> sources() {
		List<List<String>> sources = new ArrayList<>();
		for (String root : SOURCES) {
			try (Stream<Path> files = Files.walk(ROOT.resolve(root))) {
				files.filter((file) -> file.toString().endsWith(".java") || file.toString().endsWith(".kt"))
					.forEach((file) -> sources.add(read(file).lines()
						.map(DocumentationTests::normalize)
						.filter((line) -> !line.isEmpty())
						.toList()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return sources;
	}

	private static String normalize(String line) {
		return line.strip().replaceAll("\\s+", " ");
	}

	/** Whether {@code block} is a run of {@code source}'s lines; a line {@code ...} stands for any lines. */
	static boolean contains(List<String> source, List<String> block) {
		for (int start = 0; start < source.size(); start++) {
			if (matches(source, start, block, 0)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matches(List<String> source, int at, List<String> block, int from) {
		if (from == block.size()) {
			return true;
		}
		if (block.get(from).equals("...")) {
			for (int skip = at; skip <= source.size(); skip++) {
				if (matches(source, skip, block, from + 1)) {
					return true;
				}
			}
			return false;
		}
		return at < source.size() && source.get(at).equals(block.get(from))
				&& matches(source, at + 1, block, from + 1);
	}

	/** Every name of the configuration metadata on the class path: properties and groups. */
	private static Set<String> metadataNames() throws IOException {
		Set<String> names = new TreeSet<>();
		Enumeration<URL> files = DocumentationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		Pattern name = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
		while (files.hasMoreElements()) {
			try (InputStream in = files.nextElement().openStream()) {
				Matcher matcher = name.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				while (matcher.find()) {
					names.add(matcher.group(1));
				}
			}
		}
		return names;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
