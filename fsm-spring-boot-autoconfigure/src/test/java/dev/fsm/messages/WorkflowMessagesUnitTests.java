package dev.fsm.messages;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.context.support.StaticMessageSource;

import dev.fsm.Condition;
import dev.fsm.ParameterInfo;
import dev.fsm.StateField;
import dev.fsm.StateInfo;
import dev.fsm.Transition;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionOption.Status;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.WorkflowMessages;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.metamodel.MessageTemplate;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.security.SecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How words are found: the message source first (the workflow's own key before the
 * general one, in the current locale), then the annotations, then the name in words;
 * messages of conditions and permissions with the entity's properties.
 */
class WorkflowMessagesUnitTests {

	private final WorkflowRegistry registry = registry(Memo.class);

	private final Workflow workflow = this.registry.workflows().get(0).view();

	private final StaticMessageSource source = new StaticMessageSource();

	private final MessageSourceWorkflowMessages messages = new MessageSourceWorkflowMessages(this.source,
			this.registry);

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void namesInWords() {
		assertThat(WorkflowMessages.humanize("authorEmail")).isEqualTo("Author email");
		assertThat(WorkflowMessages.humanize("AUTHOR_REVIEW")).isEqualTo("Author review");
		assertThat(WorkflowMessages.humanize("requestChanges")).isEqualTo("Request changes");
		assertThat(WorkflowMessages.humanize("pay")).isEqualTo("Pay");
		assertThat(WorkflowMessages.humanize("sendPDFCopy")).isEqualTo("Send PDF copy");
		assertThat(WorkflowMessages.humanize("in-review")).isEqualTo("In review");
		assertThat(WorkflowMessages.humanize("X")).isEqualTo("X");
		assertThat(WorkflowMessages.humanize("1")).isEqualTo("1");
		assertThat(WorkflowMessages.humanize("")).isEmpty();
	}

	@Test
	void withoutMessagesTheAnnotationsThenTheNamesInWords() {
		assertThat(this.messages.stateLabel(this.workflow, "AUTHOR_REVIEW")).isEqualTo("Author review");
		assertThat(this.messages.stateDescription(this.workflow, "AUTHOR_REVIEW"))
			.isEqualTo("The author reads the edited text");
		assertThat(this.messages.stateLabel(this.workflow, "DRAFT")).isEqualTo("Draft");
		assertThat(this.messages.stateDescription(this.workflow, "DRAFT")).isNull();
		assertThat(this.messages.transitionLabel(route("submit"))).isEqualTo("Send to the author");
		assertThat(this.messages.transitionDescription(route("submit"))).isEqualTo("The author reads it next");
		assertThat(this.messages.transitionLabel(route("requestChanges"))).isEqualTo("Request changes");
		assertThat(this.messages.transitionDescription(route("requestChanges"))).isNull();
		assertThat(this.messages.confirmation(route("publish"))).isEqualTo("Publish this memo to every reader?");
		assertThat(this.messages.confirmation(route("submit"))).isNull();
		TransitionRoute submit = route("submit");
		assertThat(this.messages.parameterLabel(submit, submit.parameters().get(0))).isEqualTo("Summary");
		assertThat(this.messages.parameterHelp(submit, submit.parameters().get(0)))
			.isEqualTo("One sentence for the reviewers");
		assertThat(this.messages.parameterLabel(submit, submit.parameters().get(1))).isEqualTo("Author email");
		assertThat(this.messages.parameterHelp(submit, submit.parameters().get(1))).isNull();
	}

	@Test
	void theMessageSourceWinsTheWorkflowsOwnKeyFirst() {
		this.source.addMessage("fsm.state.AUTHOR_REVIEW.label", Locale.ENGLISH, "Review (any workflow)");
		assertThat(this.messages.stateLabel(this.workflow, "AUTHOR_REVIEW")).isEqualTo("Review (any workflow)");
		this.source.addMessage("fsm.Memo.state.state.AUTHOR_REVIEW.label", Locale.ENGLISH, "With the author");
		this.source.addMessage("fsm.Memo.state.state.DRAFT.description", Locale.ENGLISH, "Being written");
		this.source.addMessage("fsm.Memo.state.transition.submit.label", Locale.ENGLISH, "Submit");
		this.source.addMessage("fsm.transition.requestChanges.description", Locale.ENGLISH, "Back to the writer");
		this.source.addMessage("fsm.Memo.state.transition.submit.confirm", Locale.ENGLISH, "Send it now?");
		this.source.addMessage("fsm.Memo.state.transition.publish.confirm", Locale.ENGLISH, " ");
		this.source.addMessage("fsm.Memo.state.transition.submit.param.summary.label", Locale.ENGLISH, "Abstract");
		this.source.addMessage("fsm.param.authorEmail.help", Locale.ENGLISH, "Where the author reads mail");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		TransitionRoute submit = route("submit");
		assertThat(this.messages.stateLabel(this.workflow, "AUTHOR_REVIEW")).isEqualTo("With the author");
		assertThat(this.messages.stateDescription(this.workflow, "DRAFT")).isEqualTo("Being written");
		assertThat(this.messages.transitionLabel(submit)).isEqualTo("Submit");
		assertThat(this.messages.transitionDescription(route("requestChanges"))).isEqualTo("Back to the writer");
		assertThat(this.messages.confirmation(submit)).isEqualTo("Send it now?");
		assertThat(this.messages.confirmation(route("publish"))).as("a blank text asks nothing").isNull();
		assertThat(this.messages.parameterLabel(submit, submit.parameters().get(0))).isEqualTo("Abstract");
		assertThat(this.messages.parameterHelp(submit, submit.parameters().get(1)))
			.isEqualTo("Where the author reads mail");
	}

	@Test
	void theLocaleOfTheCurrentRequest() {
		this.source.addMessage("fsm.state.DRAFT.label", Locale.GERMAN, "Entwurf");
		LocaleContextHolder.setLocale(Locale.GERMAN);
		assertThat(this.messages.stateLabel(this.workflow, "DRAFT")).isEqualTo("Entwurf");
		LocaleContextHolder.setLocale(Locale.FRENCH);
		assertThat(this.messages.stateLabel(this.workflow, "DRAFT")).isEqualTo("Draft");
	}

	@Test
	void aMissingTextGivenBackAsItsKeyCountsAsMissing() {
		this.source.setUseCodeAsDefaultMessage(true);
		assertThat(this.messages.stateLabel(this.workflow, "AUTHOR_REVIEW")).isEqualTo("Author review");
		assertThat(this.messages.confirmation(route("submit"))).isNull();
	}

	@Test
	void refusalsInWordsWithTheEntitysProperties() {
		Memo memo = new Memo("Budget", "ann");
		assertThat(
				this.messages.refusal(option("submit", Status.DENIED, "#entity.author == authentication.name"), memo))
			.isEqualTo("Only ann may submit Budget");
		assertThat(this.messages.refusal(option("publish", Status.CONDITIONS_FAILED, "approved"), memo))
			.isEqualTo("The author has not approved the latest text of Budget.");
		assertThat(this.messages.refusal(option("requestChanges", Status.CONDITIONS_FAILED, "title != null"), memo))
			.as("a condition without a name has no message of its own")
			.isEqualTo("Not possible now: its conditions are not met.");
		assertThat(this.messages.refusal(option("publish", Status.WRONG_STATE, "AUTHOR_REVIEW"), memo))
			.isEqualTo("Possible only in Author review.");
		assertThat(this.messages.refusal(option("withdraw", Status.WRONG_STATE), memo))
			.isEqualTo("Possible only in Draft or Author review.");
		assertThat(this.messages.refusal(option("publish", Status.ALLOWED), memo)).isNull();
		assertThat(this.messages.refusal(option("publish", Status.NEEDS_INPUT), memo))
			.isEqualTo("Whether it is possible depends on the values you give.");
		assertThat(this.messages.refusal(option("publish", Status.GUARD_FAILED), memo))
			.isEqualTo("It could not be checked now; the server's log says why.");
	}

	@Test
	void refusalsFromTheMessageSource() {
		this.source.addMessage("fsm.Memo.state.transition.submit.permission", Locale.GERMAN,
				"Nur {author} darf {title} einreichen");
		this.source.addMessage("fsm.condition.authorApproved", Locale.GERMAN, "{author} hat {title} nicht freigegeben");
		this.source.addMessage("fsm.refusal.conditions-failed", Locale.GERMAN, "Jetzt nicht möglich.");
		this.source.addMessage("fsm.refusal.wrong-state", Locale.GERMAN, "Nur im Zustand {states}.");
		this.source.addMessage("fsm.refusal.or", Locale.GERMAN, "oder");
		this.source.addMessage("fsm.state.DRAFT.label", Locale.GERMAN, "Entwurf");
		LocaleContextHolder.setLocale(Locale.GERMAN);
		Memo memo = new Memo("Etat", "ann");
		assertThat(this.messages.refusal(option("submit", Status.DENIED, "x"), memo))
			.isEqualTo("Nur ann darf Etat einreichen");
		assertThat(this.messages.refusal(option("publish", Status.CONDITIONS_FAILED, "approved"), memo))
			.isEqualTo("ann hat Etat nicht freigegeben.");
		assertThat(this.messages.refusal(option("requestChanges", Status.CONDITIONS_FAILED, "title != null"), memo))
			.isEqualTo("Jetzt nicht möglich.");
		assertThat(this.messages.refusal(option("withdraw", Status.WRONG_STATE), memo))
			.isEqualTo("Nur im Zustand Entwurf oder Author review.");
	}

	@Test
	void aMessageThatCannotBeReadIsShownAsWritten() {
		this.source.addMessage("fsm.condition.authorApproved", Locale.ENGLISH, "{nosuch} is not approved");
		this.source.addMessage("fsm.Memo.state.transition.submit.permission", Locale.ENGLISH, "Only {author");
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		Memo memo = new Memo("Budget", "ann");
		assertThat(this.messages.refusal(option("publish", Status.CONDITIONS_FAILED, "approved"), memo))
			.isEqualTo("{nosuch} is not approved.");
		assertThat(this.messages.refusal(option("submit", Status.DENIED, "x"), memo)).isEqualTo("Only {author");
	}

	@Test
	void templatesReadGettersOnlyAndShowNullAsNothing() {
		MessageTemplate template = MessageTemplate.parse("Only {author} may submit {title}");
		assertThat(template.render(new Memo(null, "ann"))).isEqualTo("Only ann may submit ");
		assertThat(template.unreadable(Memo.class)).isEmpty();
		assertThat(MessageTemplate.parse("{autor} and {title.length} and {T(java.lang.System).exit(1)}")
			.unreadable(Memo.class)).containsExactly("reads 'autor', which Memo has no getter for");
		assertThatExceptionOfType(org.springframework.expression.EvaluationException.class)
			.as("no types, no methods: only properties")
			.isThrownBy(() -> MessageTemplate.parse("{T(java.lang.System).getProperty('user.home')}")
				.render(new Memo("a", "b")));
		assertThat(MessageTemplate.parse("No braces at all").isLiteral()).isTrue();
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> MessageTemplate.parse("{title"));
	}

	private TransitionRoute route(String name) {
		return this.workflow.transitions(name).get(0);
	}

	private TransitionOption option(String transition, Status status, String... reasons) {
		return new TransitionOption(route(transition), status, List.of(reasons));
	}

	private static WorkflowRegistry registry(Class<?> type) {
		GuardEvaluationContexts contexts = new GuardEvaluationContexts(
				new BeanFactoryResolver(new DefaultListableBeanFactory()));
		WorkflowIntrospector introspector = new WorkflowIntrospector(
				new SpelGuardCompiler(contexts, SecurityConfiguration.permissionCompiler(contexts)), true);
		introspector.addEntityType(type);
		return introspector.build();
	}

	enum MemoState {

		DRAFT,

		@StateInfo(label = "Author review", description = "The author reads the edited text")
		AUTHOR_REVIEW,

		LIVE

	}

	@Condition(name = "authorApproved", value = "approved",
			message = "The author has not approved the latest text of {title}")
	static class Memo {

		@StateField
		MemoState state = MemoState.DRAFT;

		private final String title;

		private final String author;

		private boolean approved;

		Memo() {
			this(null, null);
		}

		Memo(String title, String author) {
			this.title = title;
			this.author = author;
		}

		public String getTitle() {
			return this.title;
		}

		public String getAuthor() {
			return this.author;
		}

		public boolean isApproved() {
			return this.approved;
		}

		@Transition(source = "DRAFT", target = "AUTHOR_REVIEW", label = "Send to the author",
				description = "The author reads it next", permission = "#entity.author == authentication.name",
				permissionMessage = "Only {author} may submit {title}")
		void submit(@ParameterInfo(label = "Summary", help = "One sentence for the reviewers") String summary,
				String authorEmail) {
		}

		@Transition(source = "AUTHOR_REVIEW", target = "LIVE", conditions = "authorApproved",
				confirm = "Publish this memo to every reader?")
		void publish() {
		}

		@Transition(source = "AUTHOR_REVIEW", target = "DRAFT", conditions = "title != null")
		void requestChanges() {
		}

		@Transition(source = { "DRAFT", "AUTHOR_REVIEW" }, target = "LIVE")
		void withdraw() {
		}

	}

}
