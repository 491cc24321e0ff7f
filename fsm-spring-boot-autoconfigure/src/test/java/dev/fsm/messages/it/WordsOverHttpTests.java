package dev.fsm.messages.it;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;
import dev.fsm.actuate.WorkflowsEndpoint;
import dev.fsm.actuate.WorkflowsEndpoint.StateDescriptor;
import dev.fsm.actuate.WorkflowsEndpoint.WorkflowDescriptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every place that shows a state, a transition, a refusal or a field says it in words,
 * beside the stable names: the workflow and entity documents of the HTTP API, problem
 * details, the diagrams, the Actuator endpoint and the refusals' exceptions; from the
 * annotations, from {@code memo-messages.properties}, and in German from
 * {@code memo-messages_de.properties}.
 */
@SpringBootTest(classes = MemoApplication.class,
		properties = { "fsm.web.enabled=true", "fsm.web.read-all=isAuthenticated()",
				"spring.messages.basename=dev/fsm/messages/it/memo-messages",
				"spring.messages.fallback-to-system-locale=false" })
@AutoConfigureMockMvc
class WordsOverHttpTests {

	private static final String BASE = "/api/workflows/Memo.state";

	@Autowired
	MockMvc mvc;

	@Autowired
	MemoRepository memos;

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WorkflowDiagrams diagrams;

	@Autowired
	WorkflowMessages messages;

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
		this.memos.deleteAll();
	}

	@Test
	@WithMockUser("ann")
	void theWorkflowInWordsBesideItsNames() throws Exception {
		this.mvc.perform(get(BASE.substring(0, BASE.lastIndexOf('/'))).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].states", contains("DRAFT", "AUTHOR_REVIEW", "LIVE")))
			.andExpect(jsonPath("$[0].stateDetails[*].name", contains("DRAFT", "AUTHOR_REVIEW", "LIVE")))
			.andExpect(jsonPath("$[0].stateDetails[*].label", contains("Draft", "Author review", "Published")))
			.andExpect(jsonPath("$[0].stateDetails[1].description").value("The author reads the edited text"))
			.andExpect(jsonPath("$[0].stateDetails[0].description").value(nullValue()))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].label", contains("Send to the author")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].description",
					contains("The author reads it next")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].confirm", contains(nullValue())))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'publish')].label", contains("Publish")))
			.andExpect(
					jsonPath("$[0].transitions[?(@.name == 'publish')].description", contains("Every reader sees it")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'publish')].confirm",
					contains("Publish this memo to every reader?")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'requestChanges')].label", contains("Request changes")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].parameters[*].name",
					contains("summary", "authorEmail")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].parameters[*].label",
					contains("Summary", "Author email")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].parameters[*].help",
					contains("One sentence for the reviewers", null)))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].arguments.properties.summary.title",
					contains("Summary")))
			.andExpect(jsonPath("$[0].transitions[?(@.name == 'submit')].arguments.properties.summary.description",
					contains("One sentence for the reviewers")));
	}

	@Test
	@WithMockUser("ann")
	void theStatesCountsAndTheListCarryLabels() throws Exception {
		Memo memo = this.memos.save(new Memo("Budget", "ann"));
		this.mvc.perform(get(BASE + "/states").locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].state", contains("DRAFT", "AUTHOR_REVIEW", "LIVE")))
			.andExpect(jsonPath("$[*].label", contains("Draft", "Author review", "Published")))
			.andExpect(jsonPath("$[1].description").value("The author reads the edited text"));
		this.mvc.perform(get(BASE).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].state").value("DRAFT"))
			.andExpect(jsonPath("$.content[0].stateLabel").value("Draft"));
		this.mvc.perform(get(BASE + "/" + memo.getId()).locale(Locale.GERMAN))
			.andExpect(jsonPath("$.state").value("DRAFT"))
			.andExpect(jsonPath("$.stateLabel").value("Entwurf"));
	}

	@Test
	@WithMockUser("bob")
	void whyNotInWordsWithTheEntitysProperties() throws Exception {
		Memo memo = this.memos.save(new Memo("Budget", "ann"));
		String body = this.mvc.perform(get(BASE + "/" + memo.getId()).locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].status", contains("DENIED")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].message", contains("Only ann may submit Budget")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].reasons[*]",
					contains("You may not fire this transition.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].status", contains("WRONG_STATE")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].message",
					contains("Possible only in Author review.")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("authentication.name", "#entity");
	}

	@Test
	@WithMockUser("ann")
	void failedConditionsByNameAndMessageNeverTheirExpression() throws Exception {
		Memo memo = inReview("Budget");
		this.mvc.perform(get(BASE + "/" + memo.getId()).locale(Locale.ENGLISH))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].status", contains("CONDITIONS_FAILED")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].message",
					contains("The author has not approved the latest text of Budget.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'requestChanges')].message",
					contains("Not possible now: its conditions are not met.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].message", contains("Possible only in Draft.")));
		String body = this.mvc
			.perform(post(BASE + "/" + memo.getId() + "/transitions/publish").contentType(MediaType.APPLICATION_JSON)
				.locale(Locale.ENGLISH))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:conditions-failed"))
			.andExpect(jsonPath("$.detail").value("The author has not approved the latest text of Budget."))
			.andExpect(jsonPath("$.transition").value("publish"))
			.andExpect(jsonPath("$.failedConditions", contains("authorApproved")))
			.andExpect(jsonPath("$.conditions").doesNotExist())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("approved ==", "\"approved\"");
		this.mvc
			.perform(post(BASE + "/" + memo.getId() + "/transitions/requestChanges")
				.contentType(MediaType.APPLICATION_JSON)
				.locale(Locale.ENGLISH))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail")
				.value("Transition 'requestChanges' is not possible on this Memo now: its conditions are not met."))
			.andExpect(jsonPath("$.failedConditions").isEmpty());
		assertThat(this.memos.findById(memo.getId()).orElseThrow().getState()).isEqualTo(MemoState.AUTHOR_REVIEW);
	}

	@Test
	@WithMockUser("bob")
	void aDeniedUserIsToldThePermissionsMessage() throws Exception {
		Memo memo = this.memos.save(new Memo("Budget", "ann"));
		this.mvc
			.perform(post(BASE + "/" + memo.getId() + "/transitions/submit").contentType(MediaType.APPLICATION_JSON)
				.locale(Locale.ENGLISH)
				.content("{\"summary\":\"s\",\"authorEmail\":\"a@example.com\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Only ann may submit Budget"))
			.andExpect(jsonPath("$.transition").value("submit"));
		this.mvc
			.perform(post(BASE + "/" + memo.getId() + "/transitions/submit").contentType(MediaType.APPLICATION_JSON)
				.locale(Locale.GERMAN))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Nur ann darf „Budget“ einreichen"));
	}

	@Test
	@WithMockUser("ann")
	void inGerman() throws Exception {
		Memo memo = inReview("Etat");
		this.mvc.perform(get(BASE + "/" + memo.getId()).header(HttpHeaders.ACCEPT_LANGUAGE, "de-DE"))
			.andExpect(jsonPath("$.stateLabel").value("Autorenprüfung"))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].label", contains("Veröffentlichen")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].confirm",
					contains("Diese Notiz für alle Leser veröffentlichen?")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'publish')].message",
					contains("Der Autor hat den neuesten Text von „Etat“ nicht freigegeben.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'requestChanges')].message",
					contains("Jetzt nicht möglich: die Bedingungen sind nicht erfüllt.")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].message", contains("Nur möglich in: Entwurf.")))
			.andExpect(
					jsonPath("$.transitions[?(@.name == 'submit')].parameters[0].label", contains("Zusammenfassung")))
			.andExpect(jsonPath("$.transitions[?(@.name == 'submit')].parameters[0].help",
					contains("Ein Satz für die Prüfer")));
		this.mvc
			.perform(post(BASE + "/" + memo.getId() + "/transitions/publish").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.ACCEPT_LANGUAGE, "de"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("Der Autor hat den neuesten Text von „Etat“ nicht freigegeben."));
	}

	@Test
	@WithMockUser("ann")
	void diagramsShowLabelsAndKeepTheNames() throws Exception {
		String svg = this.mvc.perform(get(BASE + "/diagram").accept("image/svg+xml").locale(Locale.ENGLISH))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(svg).contains("data-state=\"AUTHOR_REVIEW\"", ">Author review</text>",
				"<title>AUTHOR_REVIEW</title>", ">Published</text>", ">Send to the author</text>",
				"data-transition=\"submit\"");
		String mermaid = this.mvc.perform(get(BASE + "/diagram").accept("text/vnd.mermaid").locale(Locale.GERMAN))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(mermaid).contains("state \"Autorenprüfung\" as AUTHOR_REVIEW",
				"DRAFT --> AUTHOR_REVIEW : An den Autor senden", "AUTHOR_REVIEW --> LIVE : Veröffentlichen");
		String dot = this.mvc.perform(get(BASE + "/diagram").accept("text/vnd.graphviz").locale(Locale.ENGLISH))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dot).contains("\"AUTHOR_REVIEW\" [label=\"Author review\"]",
				"\"DRAFT\" -> \"AUTHOR_REVIEW\" [label=\"Send to the author\"]");
	}

	@Test
	void theActuatorEndpointInWords() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		WorkflowsEndpoint endpoint = new WorkflowsEndpoint(this.transitions, this.diagrams, this.messages);
		WorkflowDescriptor memo = endpoint.workflows().workflows().get(0);
		assertThat(memo.stateDetails()).containsExactly(new StateDescriptor("DRAFT", "Draft", null),
				new StateDescriptor("AUTHOR_REVIEW", "Author review", "The author reads the edited text"),
				new StateDescriptor("LIVE", "Published", null));
		assertThat(memo.transitions()).filteredOn((t) -> t.name().equals("publish")).singleElement().satisfies((t) -> {
			assertThat(t.label()).isEqualTo("Publish");
			assertThat(t.description()).isEqualTo("Every reader sees it");
			assertThat(t.confirm()).isEqualTo("Publish this memo to every reader?");
			assertThat(t.conditions()).containsExactly("authorApproved");
		});
	}

	@Test
	void theRefusalsCarryTheUsersMessageAndTheDevelopersDetail() {
		Memo memo = this.memos.save(new Memo("Budget", "ann"));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken("bob", "n/a", AuthorityUtils.NO_AUTHORITIES));
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.fire(memo, "submit", "s", "a@example.com"))
			.satisfies((ex) -> {
				assertThat(ex.getUserMessage()).isEqualTo("Only ann may submit Budget");
				assertThat(ex.getMessage()).contains("(permission: #entity.author == authentication.name)");
			});
		Memo reviewed = inReview("Budget");
		LocaleContextHolder.setLocale(Locale.GERMAN);
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.fire(reviewed, "publish"))
			.satisfies((ex) -> {
				assertThat(ex.getFailedConditionNames()).containsExactly("authorApproved");
				assertThat(ex.getFailedConditions()).containsExactly("approved");
				assertThat(ex.getUserMessage())
					.isEqualTo("Der Autor hat den neuesten Text von „Budget“ nicht freigegeben.");
				assertThat(ex.getMessage()).endsWith("condition not met: authorApproved (approved)");
			});
	}

	private Memo inReview(String title) {
		Memo memo = this.memos.save(new Memo(title, "ann"));
		this.jdbc.update("update memo set state = 'AUTHOR_REVIEW' where id = ?", memo.getId());
		return this.memos.findById(memo.getId()).orElseThrow();
	}

}
