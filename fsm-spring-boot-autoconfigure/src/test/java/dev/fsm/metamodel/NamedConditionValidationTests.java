package dev.fsm.metamodel;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;

import dev.fsm.Condition;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.security.SecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up refuses what the words of a workflow get wrong: a condition name that is
 * none of the declared ones, a declaration that is ambiguous or twice, and a message that
 * reads a property the entity does not have.
 */
class NamedConditionValidationTests {

	private final GuardEvaluationContexts contexts = new GuardEvaluationContexts(
			new BeanFactoryResolver(new DefaultListableBeanFactory()));

	private final SpelGuardCompiler guards = new SpelGuardCompiler(this.contexts,
			SecurityConfiguration.permissionCompiler(this.contexts));

	@Test
	void aNamedConditionIsCompiledOnceWithItsNameAndMessage() {
		WorkflowRegistry registry = build(Valid.class);
		RouteModel route = registry.workflowsOf(Valid.class).get(0).transition("publish").routes().get(0);
		assertThat(route.conditions()).singleElement().satisfies((condition) -> {
			assertThat(condition.name()).isEqualTo("authorApproved");
			assertThat(condition.expression()).isEqualTo("approved");
			assertThat(condition.isNamed()).isTrue();
			assertThat(condition.message()).hasToString("The author has not approved {title}");
		});
		RouteModel plain = registry.workflowsOf(Valid.class).get(0).transition("reopen").routes().get(0);
		assertThat(plain.conditions()).singleElement().satisfies((condition) -> {
			assertThat(condition.name()).isEqualTo("title != null");
			assertThat(condition.isNamed()).isFalse();
			assertThat(condition.message()).isNull();
		});
		assertThat(plain.permissionMessage()).hasToString("Only {title}'s author may reopen it");
	}

	@Test
	void anUnknownConditionNameNamesTheDeclaredOnes() {
		assertThat(problems(Misspelt.class)).containsExactly("Transition 'publish' of workflow 'Misspelt.state' has"
				+ " condition \"authorAproved\" that reads authorAproved, which Misspelt has no field or getter for: add a"
				+ " public getter getAuthorAproved() to Misspelt, or correct the name; nor is it one of the conditions"
				+ " declared with @Condition [authorApproved]");
	}

	@Test
	void badDeclarations() {
		assertThat(problems(BadDeclarations.class)).containsExactly(
				"BadDeclarations has @Condition(name = \"approved\"), which is also a property of BadDeclarations; rename"
						+ " the condition, \"approved\" in conditions would be ambiguous",
				"BadDeclarations has @Condition(name = \"ready\") twice; declare it once",
				"BadDeclarations has @Condition(name = \"not ready\"), which is no Java identifier; name a condition like"
						+ " \"authorApproved\"",
				"BadDeclarations has @Condition(name = \"empty\") without an expression; write @Condition(name ="
						+ " \"empty\", value = \"..\")",
				"BadDeclarations has @Condition(name = \"broken\") with expression \"approved ==\" that does not parse:"
						+ " Expression [approved ==] @9: EL1042E: Problem parsing right operand");
	}

	@Test
	void messagesThatReadWhatTheEntityDoesNotHave() {
		assertThat(problems(BadMessages.class)).containsExactly(
				"Transition 'publish' of workflow 'BadMessages.state' has permissionMessage \"Only {owner} may publish"
						+ " {title\" that does not parse: Expression [Only {owner} may publish {title] @25: No ending suffix"
						+ " '}' for expression starting at character 25: {title",
				"BadMessages has @Condition(name = \"authorApproved\") with message \"{autor} has not approved it\" that"
						+ " reads 'autor', which BadMessages has no getter for",
				"Transition 'reopen' of workflow 'BadMessages.state' has a permissionMessage but no permission; declare"
						+ " the permission, or remove the message",
				"Transition 'touch' of workflow 'BadMessages.state' has permissionMessage \"Only {owner} may touch it\""
						+ " that reads 'owner', which BadMessages has no getter for");
	}

	private WorkflowRegistry build(Class<?> type) {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.guards, true);
		introspector.addEntityType(type);
		return introspector.build();
	}

	private List<String> problems(Class<?> type) {
		try {
			build(type);
		}
		catch (WorkflowDefinitionException ex) {
			return ex.getProblems();
		}
		throw new AssertionError("expected problems in " + type.getSimpleName());
	}

	@Condition(name = "authorApproved", value = "approved", message = "The author has not approved {title}")
	static class Valid {

		@StateField(states = { "DRAFT", "LIVE" })
		String state = "DRAFT";

		public String getTitle() {
			return "";
		}

		public boolean isApproved() {
			return true;
		}

		@Transition(source = "DRAFT", target = "LIVE", conditions = "authorApproved")
		void publish() {
		}

		@Transition(source = "LIVE", target = "DRAFT", conditions = "title != null", permission = "hasRole('EDITOR')",
				permissionMessage = "Only {title}'s author may reopen it")
		void reopen() {
		}

	}

	@Condition(name = "authorApproved", value = "approved")
	static class Misspelt {

		@StateField(states = { "DRAFT", "LIVE" })
		String state = "DRAFT";

		public boolean isApproved() {
			return true;
		}

		@Transition(source = "DRAFT", target = "LIVE", conditions = "authorAproved")
		void publish() {
		}

	}

	@Condition(name = "approved", value = "approved")
	@Condition(name = "ready", value = "approved")
	@Condition(name = "ready", value = "!approved")
	@Condition(name = "not ready", value = "approved")
	@Condition(name = "empty", value = " ")
	@Condition(name = "broken", value = "approved ==")
	static class BadDeclarations {

		@StateField(states = { "DRAFT", "LIVE" })
		String state = "DRAFT";

		public boolean isApproved() {
			return true;
		}

		@Transition(source = "DRAFT", target = "LIVE", conditions = "ready")
		void publish() {
		}

	}

	@Condition(name = "authorApproved", value = "approved", message = "{autor} has not approved it")
	static class BadMessages {

		@StateField(states = { "DRAFT", "LIVE" })
		String state = "DRAFT";

		public boolean isApproved() {
			return true;
		}

		@Transition(source = "DRAFT", target = "LIVE", conditions = "authorApproved", permission = "hasRole('EDITOR')",
				permissionMessage = "Only {owner} may publish {title")
		void publish() {
		}

		@Transition(source = "LIVE", target = "DRAFT", permissionMessage = "Only editors may reopen it")
		void reopen() {
		}

		@Transition(source = "LIVE", target = "LIVE", permission = "hasRole('EDITOR')",
				permissionMessage = "Only {owner} may touch it")
		void touch() {
		}

	}

}
