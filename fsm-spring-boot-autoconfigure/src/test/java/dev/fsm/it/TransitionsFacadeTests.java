package dev.fsm.it;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionParameter;
import dev.fsm.TransitionRefusal;
import dev.fsm.TransitionRoute;
import dev.fsm.UnknownTransitionException;
import dev.fsm.Workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Firing by name, the questions {@code available}, {@code allowed} and {@code can}, the
 * read-only model, and job actors.
 */
class TransitionsFacadeTests extends WorkflowTestSupport {

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void firesByNameWithArguments() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.fire(report, "sendBack", "incomplete"))
			.isEqualTo("Sent back: incomplete (state AUTHOR_REVIEW)");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.AUTHOR_REVIEW);
	}

	@Test
	void refusesAnUnknownTransitionByName() {
		CaseReport report = report(ReportState.DRAFT);
		assertThatExceptionOfType(UnknownTransitionException.class)
			.isThrownBy(() -> this.transitions.fire(report, "aprove"))
			.withMessage("CaseReport#" + report.getId()
					+ " has no transition 'aprove' (transitions: submit, touch, publish, retract, sendBack, approve,"
					+ " takeDown)")
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(TransitionRefusal.Reason.UNKNOWN_TRANSITION);
				assertThat(ex.getTransition()).isEqualTo("aprove");
				assertThat(ex.getCurrentState()).isEqualTo("DRAFT");
				assertThat(ex.getTransitions()).containsExactly("submit", "touch", "publish", "retract", "sendBack",
						"approve", "takeDown");
			});
	}

	@Test
	void refusesArgumentsThatDoNotFit() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.fire(report, "sendBack"))
			.withMessage("Transition 'sendBack' on CaseReport#" + report.getId()
					+ " takes arguments (String reason) but was given ()")
			.satisfies((ex) -> {
				assertThat(ex.getReason()).isEqualTo(TransitionRefusal.Reason.INVALID_ARGUMENTS);
				assertThat(ex.getCurrentState()).isEqualTo("ADMIN_REVIEW");
				assertThat(ex.getViolations()).isEmpty();
			});
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.fire(report, "sendBack", 42))
			.withMessageEndingWith("takes arguments (String reason) but was given (Integer)");
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.fire(report, "takeDown", "reason", report))
			.withMessageEndingWith("takes arguments (String reason) but was given (String, CaseReport)");
		assertThat(this.events.all).isEmpty();
	}

	@Test
	void refusesObjectsThatAreNotWorkflowEntities() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.on("text"))
			.withMessage("java.lang.String is not a workflow entity: it has no @StateField");
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.available(42))
			.withMessage("java.lang.Integer is not a workflow entity: it has no @StateField");
	}

	@Test
	void availableListsWhatTheStateAndConditionsAllowForAnyone() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.available(report)).extracting(TransitionRoute::name)
			.containsExactly("touch", "publish", "sendBack");
	}

	@Test
	void allowedAddsThePermissionOfTheCurrentUser() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.allowed(report)).extracting(TransitionRoute::name).containsExactly("touch");
		assertThat(this.transitions.can(report, "touch")).isTrue();
		assertThat(this.transitions.can(report, "publish")).isFalse();
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void allowedForTheAuthenticatedUser() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.allowed(report)).extracting(TransitionRoute::name)
			.containsExactly("touch", "publish", "sendBack");
		assertThat(this.transitions.can(report, "publish")).isTrue();
		assertThat(this.transitions.can(report, "submit")).isFalse();
	}

	@Test
	void allowedForAGivenUser() {
		CaseReport report = report(ReportState.AUTHOR_REVIEW);
		UsernamePasswordAuthenticationToken author = UsernamePasswordAuthenticationToken
			.authenticated("author@example.com", null, AuthorityUtils.NO_AUTHORITIES);
		assertThat(this.transitions.allowed(report, author)).extracting(TransitionRoute::name)
			.containsExactly("touch", "approve");
		assertThat(this.transitions.allowed(report, () -> "stranger@example.com")).extracting(TransitionRoute::name)
			.containsExactly("touch");
		UsernamePasswordAuthenticationToken staff = UsernamePasswordAuthenticationToken
			.authenticated("staff@example.com", null, AuthorityUtils.createAuthorityList("ROLE_STAFF"));
		assertThat(this.transitions.allowed(report(ReportState.ADMIN_REVIEW), staff)).extracting(TransitionRoute::name)
			.containsExactly("touch", "publish", "sendBack");
	}

	@Test
	void canRefusesAnUnknownTransition() {
		CaseReport report = report(ReportState.DRAFT);
		assertThatExceptionOfType(UnknownTransitionException.class)
			.isThrownBy(() -> this.transitions.can(report, "fly"))
			.withMessageStartingWith("CaseReport#" + report.getId() + " has no transition 'fly'");
	}

	@Test
	void describesTheWorkflow() {
		Workflow workflow = this.transitions.workflow(CaseReport.class);
		assertThat(workflow.name()).isEqualTo("CaseReport.state");
		assertThat(workflow.entityType()).isEqualTo(CaseReport.class);
		assertThat(workflow.field()).isEqualTo("state");
		assertThat(workflow.stateType()).isEqualTo(ReportState.class);
		assertThat(workflow.states()).containsExactly("DRAFT", "ADMIN_REVIEW", "AUTHOR_REVIEW", "LIVE", "RETRACTED");
		assertThat(workflow.initialState()).isEqualTo("DRAFT");
		// ordered by the first state they start from, then by name
		assertThat(workflow.transitionNames()).containsExactly("submit", "touch", "publish", "retract", "sendBack",
				"approve", "takeDown");
		assertThat(workflow.finalStates()).containsExactly("RETRACTED");
		TransitionRoute submit = workflow.transitions("submit").get(0);
		assertThat(submit).isEqualTo(new TransitionRoute("CaseReport.state", "submit", "Submit for review",
				"The author submits the report", List.of("DRAFT"), List.of("ADMIN_REVIEW"), null, null,
				List.of("#entity.title != null"), Map.of("button", "primary", "icon", "send"), List.of()));
		assertThat(submit.properties().keySet()).containsExactly("button", "icon");
		TransitionRoute retract = workflow.transitions("retract").get(0);
		assertThat(retract.sources()).containsExactly("LIVE", "ADMIN_REVIEW");
		assertThat(retract.label()).isEqualTo("retract");
		TransitionRoute touch = workflow.transitions("touch").get(0);
		assertThat(touch.sources()).containsExactly("DRAFT", "ADMIN_REVIEW", "AUTHOR_REVIEW", "LIVE", "RETRACTED");
		assertThat(touch.changesState()).isFalse();
		assertThat(workflow.transitions("publish").get(0).permission()).isEqualTo("hasRole('STAFF')");
		// what a caller supplies: the method's parameters, but the entity of a flow
		// bean's method
		assertThat(workflow.transitions("sendBack").get(0).parameters())
			.containsExactly(TransitionParameter.of("reason", String.class, String.class));
		assertThat(workflow.transitions("publish").get(0).parameters()).isEmpty();
		assertThat(workflow.transitions("takeDown").get(0).parameters()).extracting(TransitionParameter::name)
			.containsExactly("reason");
	}

	@Test
	void describesStackedDynamicAndWildcardTransitions() {
		Workflow workflow = this.transitions.workflow(Ticket.class);
		assertThat(workflow.transitions("close")).extracting(TransitionRoute::sources)
			.containsExactly(List.of("OPEN"), List.of("ASSIGNED"));
		assertThat(workflow.transitions("triage").get(0).isDynamic()).isTrue();
		assertThat(workflow.transitions("reopen").get(0).sources()).containsExactly("ASSIGNED", "DEFERRED", "CLOSED");
		Workflow email = this.transitions.workflow(Email.class);
		assertThat(email.states()).containsExactly("NEW", "SENDING", "SENT", "ERROR");
		assertThat(email.transitions("deliver").get(0).onError()).isEqualTo("ERROR");
	}

	@Test
	void listsEveryWorkflowByName() {
		assertThat(this.transitions.workflows()).extracting(Workflow::name)
			.containsExactly("ArticleReview.status", "CaseReport.state", "CodeReview.status", "Document.stage",
					"Door.state", "Email.state", "Letter.state", "Manuscript.state", "OrderLine.state", "Part.state",
					"Shipment.delivery", "ShopOrder.state", "Ticket.status", "Voucher.state", "WarehouseOrder.state",
					"payment");
	}

	@Test
	void choosesAmongSeveralWorkflowsByField() {
		assertThat(this.transitions.workflow(Shipment.class, "payment").name()).isEqualTo("payment");
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.workflow(Shipment.class))
			.withMessage("Shipment has 2 workflows [Shipment.delivery, payment]; call workflow(Shipment.class, field)"
					+ " to choose one");
		assertThatIllegalArgumentException().isThrownBy(() -> this.transitions.workflow(Shipment.class, "size"))
			.withMessage("Shipment has no @StateField named 'size'");
	}

	@Test
	void aJobRunsAsANamedActor() {
		CaseReport report = report(ReportState.DRAFT);
		this.transitions.runAs("nightly-import", () -> {
			this.transitions.on(report).submit();
			return null;
		});
		assertThat(this.events.of(PostTransitionEvent.class).get(0).getActor()).isEqualTo("nightly-import");
		this.transitions.on(report).touch();
		assertThat(this.events.of(PostTransitionEvent.class).get(1).getActor()).isEqualTo("anonymous");
	}

	@Test
	void aNamedActorHasNoAuthorities() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.runAs("nightly-import", () -> this.transitions.can(report, "publish"))).isFalse();
		UsernamePasswordAuthenticationToken staff = UsernamePasswordAuthenticationToken.authenticated("robot", null,
				AuthorityUtils.createAuthorityList("ROLE_STAFF"));
		assertThat(this.transitions.runAs(staff, () -> this.transitions.fire(report, "publish")))
			.isEqualTo("Published Rare case in state LIVE");
		assertThat(this.events.of(PostTransitionEvent.class).get(0).getActor()).isEqualTo("robot");
	}

}
