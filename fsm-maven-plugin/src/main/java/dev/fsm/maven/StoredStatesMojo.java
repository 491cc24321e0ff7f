package dev.fsm.maven;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.jspecify.annotations.Nullable;

/**
 * Checks the stored states of the application's database against its workflows, like
 * Flyway's {@code validate}: starts the application (no web server, no timers, no
 * runners) with the project's runtime class path and the given arguments, counts per
 * workflow the rows whose stored state is no declared state (NULL included), prints the
 * report with the repair, and fails the build when there are any. <pre>
 * ./mvnw fsm:stored-states -Dfsm.stored-states.arguments=--spring.datasource.url=jdbc:postgresql://db/app
 * </pre>
 */
@Mojo(name = "stored-states", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StoredStatesMojo extends AbstractMojo {

	static final String COMMAND = "dev.fsm.operations.StoredStatesCommand";

	/**
	 * The application's {@code @SpringBootApplication} class; Spring Boot's
	 * {@code start-class} by default.
	 */
	@Parameter(property = "fsm.stored-states.application", defaultValue = "${start-class}")
	@Nullable String application;

	/**
	 * Arguments of the application, such as {@code --spring.datasource.url=..} and its
	 * credentials.
	 */
	@Parameter(property = "fsm.stored-states.arguments")
	List<String> arguments = new ArrayList<>();

	/**
	 * Whether rows in undeclared states fail the build (else they are logged as a
	 * warning).
	 */
	@Parameter(property = "fsm.stored-states.fail", defaultValue = "true")
	boolean fail = true;

	/** The project's runtime class path: its classes and dependencies. */
	@Parameter(defaultValue = "${project.runtimeClasspathElements}", readonly = true, required = true)
	List<String> classpath = new ArrayList<>();

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		String applicationClass = this.application;
		if (applicationClass == null || applicationClass.isBlank()) {
			throw new MojoExecutionException(
					"Name the application class: -Dfsm.stored-states.application=com.example.Application"
							+ " (or the start-class property Spring Boot's plugin reads)");
		}
		String[] result = run(applicationClass);
		if ("clean".equals(result[0])) {
			getLog().info(result[1]);
			return;
		}
		if (this.fail) {
			throw new MojoFailureException(result[1]);
		}
		getLog().warn(result[1]);
	}

	private String[] run(String applicationClass) throws MojoExecutionException {
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader loader = new URLClassLoader(urls(), ClassLoader.getPlatformClassLoader())) {
			thread.setContextClassLoader(loader);
			Class<?> type = loader.loadClass(applicationClass);
			Method check = loader.loadClass(COMMAND).getMethod("check", Class.class, String[].class);
			return (String[]) check.invoke(null, type, this.arguments.toArray(String[]::new));
		}
		catch (ClassNotFoundException ex) {
			throw new MojoExecutionException(
					"Class " + ex.getMessage() + " is not on the runtime class path of the project"
							+ " (is fsm-spring-boot-starter a dependency, and the project compiled?)",
					ex);
		}
		catch (InvocationTargetException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new MojoExecutionException("The application " + applicationClass + " did not start: " + cause, cause);
		}
		catch (ReflectiveOperationException | java.io.IOException ex) {
			throw new MojoExecutionException("Cannot run the stored-state check of " + applicationClass + ": " + ex,
					ex);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	private URL[] urls() throws MojoExecutionException {
		List<URL> urls = new ArrayList<>();
		for (String element : this.classpath) {
			try {
				urls.add(new File(element).toURI().toURL());
			}
			catch (MalformedURLException ex) {
				throw new MojoExecutionException("Not a class path element: " + element, ex);
			}
		}
		return urls.toArray(URL[]::new);
	}

}
