package dev.fsm.aot;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.AotDetector;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.core.SpringProperties;
import org.springframework.javapoet.ClassName;

import dev.fsm.aot.parcel.Delivery;
import dev.fsm.aot.parcel.Parcel;
import dev.fsm.aot.parcel.ParcelApplication;
import dev.fsm.aot.parcel.ParcelDesk;
import dev.fsm.aot.parcel.ParcelState;
import dev.fsm.autoconfigure.lamp.LampApplication;
import dev.fsm.engine.EntityViewClasses;
import dev.fsm.engine.WorkflowDiscovery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AOT processing of an application with a plain workflow object and a flow bean, as
 * {@code spring-boot:process-aot} runs it: each assertion fails when its hint or file is
 * missing. (Only this test generates {@link Parcel}'s view class, so the generation is
 * seen here.)
 */
class WorkflowAotProcessorTests {

	private static final String VIEW_CLASS = "dev.fsm.aot.parcel.Parcel$$SpringCGLIB$$0";

	// once: a class is generated (and so written) the first time only
	private static final InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();

	private static final RuntimeHints hints = processAheadOfTime();

	private static RuntimeHints processAheadOfTime() {
		return processAheadOfTime(files, ParcelApplication.class, ParcelDesk.class);
	}

	private static RuntimeHints processAheadOfTime(InMemoryGeneratedFiles output, Class<?>... components) {
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(components[0])), output);
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			context.register(components);
			new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		}
		return generation.getRuntimeHints();
	}

	@Test
	void registersTheEntitysTransitionMethodsStateFieldAndProperties() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Parcel.class, "dispatch")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(Parcel.class, "state")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Parcel.class, "getAddress")).accepts(hints);
		assertThat(
				RuntimeHintsPredicates.reflection().onConstructorInvocation(Parcel.class.getDeclaredConstructors()[0]))
			.accepts(hints);
	}

	@Test
	void registersTheStateEnumAndTheTransitionsArguments() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ParcelState.class, "values")).accepts(hints);
		// the constants' @StateGroup and @StateInfo are read from their fields
		assertThat(RuntimeHintsPredicates.reflection().onFieldAccess(ParcelState.class, "SENT")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(Delivery.class, "address")).accepts(hints);
	}

	@Test
	void registersTheFlowBeansTransitionMethods() {
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ParcelDesk.class, "returnToSender"))
			.accepts(hints);
	}

	@Test
	void generatesTheViewClassAtBuildTimeAndTheRunTimeUsesThatClass() {
		assertThat(files.getGeneratedFile(Kind.CLASS, VIEW_CLASS.replace('.', '/') + ".class")).isNotNull();
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(VIEW_CLASS))).accepts(hints);
		assertThat(EntityViewClasses.generate(Parcel.class).getName()).isEqualTo(VIEW_CLASS);
	}

	@Test
	void listsThePlainWorkflowObjectsForANativeImageThatCannotScan() throws IOException {
		assertThat(files.getGeneratedFileContent(Kind.RESOURCE, WorkflowDiscovery.WORKFLOW_OBJECTS_LIST))
			.isEqualTo("dev.fsm.aot.parcel.Parcel\n");
		assertThat(RuntimeHintsPredicates.resource().forResource(WorkflowDiscovery.WORKFLOW_OBJECTS_LIST))
			.accepts(hints);
	}

	@Test
	void theTestContextsOfAModuleAddTheirObjectsToOneList() throws IOException {
		// process-test-aot writes every test context of a module to the same output
		InMemoryGeneratedFiles testOutput = new InMemoryGeneratedFiles();
		processAheadOfTime(testOutput, ParcelApplication.class);
		processAheadOfTime(testOutput, LampApplication.class);
		assertThat(testOutput.getGeneratedFileContent(Kind.RESOURCE, WorkflowDiscovery.WORKFLOW_OBJECTS_LIST))
			.isEqualTo("dev.fsm.aot.parcel.Parcel\ndev.fsm.autoconfigure.lamp.Lamp\n");
	}

	@Test
	void anAotProcessedApplicationReadsTheListInsteadOfScanning(@TempDir Path output) throws IOException {
		Path list = output.resolve(WorkflowDiscovery.WORKFLOW_OBJECTS_LIST);
		Files.createDirectories(list.getParent());
		Files.writeString(list, files.getGeneratedFileContent(Kind.RESOURCE, WorkflowDiscovery.WORKFLOW_OBJECTS_LIST));
		// no auto-configuration packages: a scan finds nothing, so whatever is found was
		// listed
		DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { output.toUri().toURL() },
				getClass().getClassLoader())) {
			assertThat(WorkflowDiscovery.workflowObjectTypes(beanFactory, classLoader)).isEmpty();
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
			try {
				assertThat(WorkflowDiscovery.workflowObjectTypes(beanFactory, classLoader))
					.isEqualTo(List.of(Parcel.class));
			}
			finally {
				SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
			}
		}
	}

}
