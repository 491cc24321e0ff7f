package dev.fsm.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.context.ConfigurableApplicationContext;

import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * Start-up: building and validating the metamodel of {@value #WORKFLOWS} generated workflows of
 * 10 states and 10 transitions each (introspection, SpEL parsing, the checks of every workflow),
 * what the auto-configuration does once when the application starts. The classes are compiled
 * once, and loaded by a new class loader before each build, so that no cache of an earlier build
 * (Spring's annotation caches, the registry's) helps.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StartupBenchmark {

	static final int WORKFLOWS = 100;

	private ConfigurableApplicationContext context;

	private GuardCompiler guards;

	private Path classes;

	private List<Class<?>> workflowTypes;

	@Setup(Level.Trial)
	public void start() throws IOException {
		this.context = BenchmarkApplication.start(EngineBenchmark.WITHOUT_DATABASE);
		this.guards = this.context.getBean(GuardCompiler.class);
		this.classes = compileWorkflows();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.context.close();
	}

	/** New classes, as a new application would have. */
	@Setup(Level.Invocation)
	public void loadWorkflows() throws ClassNotFoundException, MalformedURLException {
		URLClassLoader loader = new URLClassLoader(new URL[] { this.classes.toUri().toURL() },
				StartupBenchmark.class.getClassLoader());
		List<Class<?>> types = new ArrayList<>();
		for (int i = 0; i < WORKFLOWS; i++) {
			types.add(Class.forName("generated.Workflow" + i, true, loader));
		}
		this.workflowTypes = types;
	}

	@Benchmark
	@BenchmarkMode(Mode.AverageTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public WorkflowRegistry metamodelOf100Workflows() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.guards, true);
		this.workflowTypes.forEach(introspector::addEntityType);
		WorkflowRegistry registry = introspector.build();
		if (registry.workflows().size() != WORKFLOWS) {
			throw new IllegalStateException("built " + registry.workflows().size() + " workflows");
		}
		return registry;
	}

	/** {@value #WORKFLOWS} workflows: states S0 to S9, transition ti from Si to S(i+1), a condition on each. */
	private static Path compileWorkflows() throws IOException {
		Path root = Files.createTempDirectory("fsm-workflows");
		Path sources = Files.createDirectories(root.resolve("src/generated"));
		List<String> arguments = new ArrayList<>(List.of("-d", root.toString(), "-proc:none", "-cp",
				System.getProperty("java.class.path")));
		for (int w = 0; w < WORKFLOWS; w++) {
			StringBuilder source = new StringBuilder("package generated;\n\npublic class Workflow" + w + " {\n\n"
					+ "\t@dev.fsm.StateField(states = { \"S0\", \"S1\", \"S2\", \"S3\", \"S4\", \"S5\", \"S6\", \"S7\", \"S8\", \"S9\" })\n"
					+ "\tString state = \"S0\";\n\n\tString title = \"w" + w + "\";\n\n"
					+ "\tpublic String getTitle() {\n\t\treturn this.title;\n\t}\n");
			for (int t = 0; t < 10; t++) {
				source.append("\n\t@dev.fsm.Transition(source = \"S").append(t).append("\", target = \"S")
					.append((t + 1) % 10).append("\", conditions = \"title != null\")\n\tpublic void t").append(t)
					.append("() {\n\t}\n");
			}
			source.append("\n}\n");
			Path file = sources.resolve("Workflow" + w + ".java");
			Files.writeString(file, source);
			arguments.add(file.toString());
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
			throw new UncheckedIOException(new IOException("The generated workflows did not compile"));
		}
		return root;
	}

}
