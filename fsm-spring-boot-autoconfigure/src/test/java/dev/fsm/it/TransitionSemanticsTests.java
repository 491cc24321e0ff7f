package dev.fsm.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.TransitionRoute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The order of one transition: source state, conditions, permission, pre-event, state,
 * body, save, post-event, commit.
 */
@ExtendWith(OutputCaptureExtension.class)
class TransitionSemanticsTests extends WorkflowTestSupport {

	@Test
	void firesAndSavesTheNewState() {
		CaseReport report = report(ReportState.DRAFT);
		this.transitions.on(report).submit();
		assertThat(report.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void refusesAWrongSourceStateAndChangesNothing() {
		CaseReport report = report(ReportState.LIVE);
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(report).submit())
			.withMessage("Transition 'submit' is not allowed from state 'LIVE' on CaseReport#" + report.getId()
					+ " (allowed from: DRAFT)")
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo(CaseReport.class);
				assertThat(ex.getEntityId()).isEqualTo(report.getId());
				assertThat(ex.getTransition()).isEqualTo("submit");
				assertThat(ex.getCurrentState()).isEqualTo("LIVE");
				assertThat(ex.getAllowedSources()).containsExactly("DRAFT");
			});
		assertThat(report.getState()).isEqualTo(ReportState.LIVE);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getVersion()).isEqualTo(report.getVersion());
		assertThat(this.events.all).isEmpty();
	}

	@Test
	void reportsEveryFailedConditionByItsExpression() {
		CaseReport report = report(ReportState.LIVE);
		this.reviewPolicy.setRetractAllowed(false);
		report.setTitle(null);
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.on(report).retract())
			.withMessage("Transition 'retract' is not allowed on CaseReport#" + report.getId()
					+ " in state 'LIVE': conditions not met: title != null; authorApproved;"
					+ " @reviewPolicy.mayRetract(#entity)")
			.satisfies((ex) -> assertThat(ex.getFailedConditions()).containsExactly("title != null", "authorApproved",
					"@reviewPolicy.mayRetract(#entity)"));
		assertThat(report.getState()).isEqualTo(ReportState.LIVE);
		assertThat(this.events.all).isEmpty();
	}

	@Test
	void checksConditionsBeforeThePermission() {
		CaseReport report = report(ReportState.DRAFT);
		report.setTitle(null);
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.on(report).submit())
			.withMessageEndingWith("condition not met: #entity.title != null");
	}

	@Test
	@WithMockUser(username = "author@example.com")
	void deniesAUserWithoutThePermission() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(report).sendBack("incomplete"))
			.withMessage("Transition 'sendBack' on CaseReport#" + report.getId()
					+ " in state 'ADMIN_REVIEW' is denied to 'author@example.com' (permission: hasRole('STAFF'))")
			.satisfies((ex) -> {
				assertThat(ex.getActor()).isEqualTo("author@example.com");
				assertThat(ex.getPermission()).isEqualTo("hasRole('STAFF')");
			});
		assertThat(report.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.events.all).isEmpty();
	}

	@Test
	void deniesAnonymousUsers() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(report).sendBack("incomplete"))
			.withMessageContaining("is denied to 'anonymous'");
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void grantsByRoleAndTheBodySeesTheNewState() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		String message = this.transitions.on(report).sendBack("incomplete");
		assertThat(message).isEqualTo("Sent back: incomplete (state AUTHOR_REVIEW)");
		assertThat(report.getState()).isEqualTo(ReportState.AUTHOR_REVIEW);
	}

	@Test
	@WithMockUser(username = "author@example.com")
	void grantsByAnExpressionOnTheEntityAndTheAuthentication() {
		CaseReport report = report(ReportState.AUTHOR_REVIEW);
		assertThat(this.transitions.on(report).approve()).isEqualTo("Thank you for approving your Case Report.");
		CaseReport saved = this.reports.findById(report.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(saved.isAuthorApproved()).isTrue();
	}

	/**
	 * Permissions are SpEL that Spring compiles to bytecode after a hundred evaluations:
	 * the compiled form must judge every user and every entity as the interpreted one
	 * did.
	 */
	@Test
	void permissionsJudgeEveryUserAlikeBeforeAndAfterTheyAreCompiled() {
		CaseReport mine = report(ReportState.AUTHOR_REVIEW);
		CaseReport theirs = this.reports.save(new CaseReport("Theirs", "other@example.com"));
		this.transitions.forceState(theirs, "AUTHOR_REVIEW", "test setup");
		Authentication author = UsernamePasswordAuthenticationToken.authenticated("author@example.com", "n/a",
				AuthorityUtils.createAuthorityList("ROLE_AUTHOR"));
		Authentication staff = UsernamePasswordAuthenticationToken.authenticated("staff@example.com", "n/a",
				AuthorityUtils.createAuthorityList("ROLE_STAFF"));
		CaseReport inReview = report(ReportState.ADMIN_REVIEW);
		for (int i = 0; i < 300; i++) {
			assertThat(names(this.transitions.allowed(mine, author))).as("round %d", i).contains("approve");
			assertThat(names(this.transitions.allowed(theirs, author))).as("round %d", i).doesNotContain("approve");
			assertThat(names(this.transitions.allowed(mine, staff))).as("round %d", i).doesNotContain("approve");
			assertThat(names(this.transitions.allowed(inReview, staff))).as("round %d", i).contains("sendBack");
			assertThat(names(this.transitions.allowed(inReview, author))).as("round %d", i).doesNotContain("sendBack");
		}
	}

	private static List<String> names(List<TransitionRoute> routes) {
		return routes.stream().map(TransitionRoute::name).toList();
	}

	@Test
	@WithMockUser(username = "somebody@example.com")
	void deniesAnExpressionOnTheEntityForAnotherUser() {
		CaseReport report = report(ReportState.AUTHOR_REVIEW);
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(report).approve())
			.withMessageEndingWith(
					"is denied to 'somebody@example.com' (permission: #entity.authorEmail == authentication.name)");
	}

	@Test
	@WithMockUser(username = "staff@example.com")
	void publishesPreAndPostEventsWithTheirPayload() {
		CaseReport report = report(ReportState.DRAFT);
		this.transitions.on(report).submit();
		assertThat(this.events.all).hasSize(2);
		PreTransitionEvent<?> pre = (PreTransitionEvent<?>) this.events.all.get(0);
		PostTransitionEvent<?> post = (PostTransitionEvent<?>) this.events.all.get(1);
		assertThat(pre.getEntity()).isSameAs(report);
		// the report is detached, so the post event carries the managed copy the
		// transition merged
		assertThat(post.getEntity()).isNotSameAs(report)
			.satisfies((saved) -> assertThat(((CaseReport) saved).getId()).isEqualTo(report.getId()))
			.satisfies((saved) -> assertThat(((CaseReport) saved).getState()).isEqualTo(ReportState.ADMIN_REVIEW));
		for (TransitionEvent<?> event : List.of(pre, post)) {
			assertThat(event.getWorkflow().name()).isEqualTo("CaseReport.state");
			assertThat(event.getTransition()).isEqualTo("submit");
			assertThat(event.getSourceState()).isEqualTo("DRAFT");
			assertThat(event.getTargetState()).isEqualTo("ADMIN_REVIEW");
			assertThat(event.getActor()).isEqualTo("staff@example.com");
			assertThat(event.getArguments()).isEmpty();
		}
		assertThat(post.getResult()).isNull();
		assertThat(pre.toString())
			.isEqualTo("PreTransitionEvent[CaseReport.state.submit: DRAFT -> ADMIN_REVIEW by staff@example.com]");
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void postEventCarriesArgumentsAndResult() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		this.transitions.on(report).sendBack("incomplete");
		PostTransitionEvent<?> post = this.events.of(PostTransitionEvent.class).get(0);
		assertThat(post.getArguments()).containsExactly("incomplete");
		assertThat(post.getResult()).isEqualTo("Sent back: incomplete (state AUTHOR_REVIEW)");
	}

	@Test
	void genericListenersReceiveOnlyTheirEntityType() {
		CaseReport report = report(ReportState.DRAFT);
		this.transitions.on(report).submit();
		Document document = this.transaction.execute((status) -> {
			Document created = new Document();
			this.transitions.on(created).review();
			return created;
		});
		assertThat(document.getStage()).isEqualTo(Document.REVIEW);
		assertThat(this.events.of(PostTransitionEvent.class)).hasSize(2);
		assertThat(this.events.caseReportsOnly).hasSize(1);
		assertThat(this.events.caseReportsOnly.get(0).getEntity().getId()).isEqualTo(report.getId());
	}

	@Test
	void eventsCarryTheSameInstanceWhenTheEntityIsManaged() {
		CaseReport report = report(ReportState.DRAFT);
		CaseReport managed = this.transaction.execute((status) -> {
			CaseReport loaded = this.reports.findById(report.getId()).orElseThrow();
			this.transitions.on(loaded).submit();
			return loaded;
		});
		assertThat(this.events.all).hasSize(2).allSatisfy((event) -> assertThat(event.getEntity()).isSameAs(managed));
	}

	@Test
	void aPreTransitionListenerVetoesByThrowing() {
		CaseReport report = report(ReportState.DRAFT);
		this.events.onPre((event) -> {
			throw new IllegalStateException("vetoed by policy");
		});
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(report).submit())
			.withMessage("vetoed by policy");
		assertThat(report.getState()).isEqualTo(ReportState.DRAFT);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.DRAFT);
		assertThat(this.events.of(PostTransitionEvent.class)).isEmpty();
		assertThat(this.events.of(TransitionFailedEvent.class)).isEmpty();
	}

	@Test
	void transactionalListenersRunAfterCommit() {
		CaseReport report = report(ReportState.DRAFT);
		this.transaction.executeWithoutResult((status) -> {
			this.transitions.on(report).submit();
			assertThat(this.events.of(PostTransitionEvent.class)).hasSize(1);
			assertThat(this.events.afterCommit).isEmpty();
		});
		assertThat(this.events.afterCommit).hasSize(1);
		assertThat(this.events.afterCommit.get(0).getTargetState()).isEqualTo("ADMIN_REVIEW");
	}

	@Test
	void transactionalListenersHearNothingOfARolledBackTransition() {
		CaseReport report = report(ReportState.DRAFT);
		this.transaction.executeWithoutResult((status) -> {
			this.transitions.on(report).submit();
			status.setRollbackOnly();
		});
		assertThat(this.events.of(PostTransitionEvent.class)).hasSize(1);
		assertThat(this.events.afterCommit).isEmpty();
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.DRAFT);
	}

	@Test
	void anAfterCommitListenerThatThrowsLeavesTheTransitionCommittedAndIsLoggedWithItsIdentity(CapturedOutput output) {
		CaseReport report = report(ReportState.DRAFT);
		this.events.onAfterCommit((event) -> {
			throw new IllegalStateException("mail server down");
		});
		this.transitions.on(report).submit();
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.history(report)).hasSize(1);
		assertThat(output).contains("Listener RecordingListener.afterCommit() failed after the commit of transition"
				+ " 'submit' of CaseReport#" + report.getId() + " (DRAFT -> ADMIN_REVIEW, workflow CaseReport.state) by"
				+ " anonymous; the transition stays committed")
			.contains("java.lang.IllegalStateException: mail server down");
	}

	@Test
	void aFailingPostListenerRollsTheTransitionBack() {
		CaseReport report = report(ReportState.DRAFT);
		this.events.onPost((event) -> {
			throw new IllegalStateException("mail server down");
		});
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(report).submit())
			.withMessage("mail server down");
		assertThat(report.getState()).isEqualTo(ReportState.DRAFT);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.DRAFT);
		assertThat(this.events.of(TransitionFailedEvent.class)).singleElement()
			.satisfies((failed) -> assertThat(failed.getResultingState()).isEqualTo("DRAFT"));
		assertThat(this.events.afterCommit).isEmpty();
	}

	@Test
	void checkOnlyTransitionsKeepTheStateAndIncrementTheVersion() {
		CaseReport report = report(ReportState.LIVE);
		Long version = report.getVersion();
		this.transitions.on(report).touch();
		assertThat(report.getState()).isEqualTo(ReportState.LIVE);
		PostTransitionEvent<?> post = this.events.of(PostTransitionEvent.class).get(0);
		assertThat(post.getSourceState()).isEqualTo("LIVE");
		assertThat(post.getTargetState()).isEqualTo("LIVE");
		// every committed transition increments the version, so that two from one state
		// cannot both commit
		assertThat(this.reports.findById(report.getId()).orElseThrow().getVersion()).isEqualTo(version + 1);
		assertThat(report.getVersion()).isEqualTo(version + 1);
	}

	@Test
	void callingTheEntityMethodDirectlyRunsNoChecks() {
		CaseReport report = report(ReportState.LIVE);
		report.submit();
		assertThat(report.getState()).isEqualTo(ReportState.LIVE);
		assertThat(this.events.all).isEmpty();
	}

}
