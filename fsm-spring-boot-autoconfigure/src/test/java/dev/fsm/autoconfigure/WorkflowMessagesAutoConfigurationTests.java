package dev.fsm.autoconfigure;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;
import dev.fsm.autoconfigure.FsmAutoConfigurationTests.PlainFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link WorkflowMessages} bean: from the application's message source by default,
 * the application's own when it declares one, and used by the diagrams either way.
 */
class WorkflowMessagesAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FsmAutoConfiguration.class,
				FsmDiagramAutoConfiguration.class))
		.withUserConfiguration(PlainFlow.class);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void readsTheApplicationsMessageSource() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("fsm.state.ON.label", Locale.GERMAN, "Eingeschaltet");
		LocaleContextHolder.setLocale(Locale.GERMAN);
		this.runner.withBean("messageSource", StaticMessageSource.class, () -> messages).run((context) -> {
			assertThat(context).getBean(WorkflowMessages.class)
				.isInstanceOf(InternalTypes.MESSAGE_SOURCE_WORKFLOW_MESSAGES);
			Workflow light = context.getBean(Transitions.class).workflows().get(0);
			WorkflowMessages words = context.getBean(WorkflowMessages.class);
			assertThat(words.stateLabel(light, "ON")).isEqualTo("Eingeschaltet");
			assertThat(words.stateLabel(light, "OFF")).isEqualTo("Off");
			assertThat(context.getBean(WorkflowDiagrams.class).render(light, DiagramFormat.MERMAID, Highlight.none()))
				.contains("state \"Eingeschaltet\" as ON", "OFF --> ON : Switch on");
		});
	}

	@Test
	void withoutMessagesTheNamesInWords() {
		this.runner.run((context) -> {
			Workflow light = context.getBean(Transitions.class).workflows().get(0);
			assertThat(context.getBean(WorkflowMessages.class).stateLabel(light, "ON")).isEqualTo("On");
			assertThat(context.getBean(WorkflowMessages.class).transitionLabel(light.transitions().get(0)))
				.isEqualTo("Switch on");
		});
	}

	@Test
	void backsOffFromTheApplicationsOwn() {
		WorkflowMessages own = new WorkflowMessages() {

			@Override
			public String stateLabel(Workflow workflow, String state) {
				return "<" + state.toLowerCase(Locale.ROOT) + ">";
			}

		};
		this.runner.withBean("ownMessages", WorkflowMessages.class, () -> own).run((context) -> {
			assertThat(context).getBean(WorkflowMessages.class).isSameAs(own);
			assertThat(context).doesNotHaveBean(InternalTypes.MESSAGE_SOURCE_WORKFLOW_MESSAGES);
			Workflow light = context.getBean(Transitions.class).workflows().get(0);
			assertThat(context.getBean(WorkflowDiagrams.class).render(light, DiagramFormat.DOT, Highlight.none()))
				.contains("\"ON\" [label=\"<on>\"");
		});
	}

	@Test
	void withoutSpringSecurityOrJpa() {
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.security", "jakarta.persistence",
					"org.hibernate", "org.springframework.orm.jpa", "org.springframework.data"))
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(WorkflowMessages.class)
				.isInstanceOf(InternalTypes.MESSAGE_SOURCE_WORKFLOW_MESSAGES));
	}

}
