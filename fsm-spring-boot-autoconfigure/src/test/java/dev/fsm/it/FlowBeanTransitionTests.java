package dev.fsm.it;

import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Transitions declared on Spring beans that take the entity as a parameter.
 */
class FlowBeanTransitionTests extends WorkflowTestSupport {

	@Autowired
	CaseReportFlow flow;

	@Autowired
	CaseReportModeration moderation;

	@Autowired
	EmailFlow emailFlow;

	@Autowired
	EmailRepository emails;

	@Test
	void flowBeansAreClassBasedProxies() {
		assertThat(AopUtils.isCglibProxy(this.flow)).isTrue();
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void callingTheBeanMethodFiresTheTransition() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.flow.publish(report)).isEqualTo("Published Rare case in state LIVE");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.LIVE);
		PostTransitionEvent<?> post = this.events.of(PostTransitionEvent.class).get(0);
		assertThat(post.getTransition()).isEqualTo("publish");
		assertThat(post.getArguments()).containsExactly(report);
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void firingByNameGoesThroughTheBean() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		assertThat(this.transitions.fire(report, "publish")).isEqualTo("Published Rare case in state LIVE");
		assertThat(report.getState()).isEqualTo(ReportState.LIVE);
	}

	@Test
	void flowBeanTransitionsCheckTheSourceState() {
		CaseReport report = report(ReportState.DRAFT);
		assertThatExceptionOfType(TransitionNotAllowedException.class).isThrownBy(() -> this.flow.publish(report))
			.withMessage("Transition 'publish' is not allowed from state 'DRAFT' on CaseReport#" + report.getId()
					+ " (allowed from: ADMIN_REVIEW)");
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void namedParametersAreVariablesOfThePermission() {
		CaseReport report = report(ReportState.LIVE);
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.moderation.takeDown("no", report))
			.withMessage("Transition 'takeDown' on CaseReport#" + report.getId()
					+ " in state 'LIVE' is denied to 'staff@example.com' (permission: hasRole('STAFF') and"
					+ " #reason.length() > 3)");
		assertThat(this.transitions.fire(report, "takeDown", "plagiarism")).isEqualTo("Taken down: plagiarism");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.RETRACTED);
	}

	@Test
	void aBodyChainsTheNextTransitionAndSeesItsOwnTargetState() {
		Email email = this.emails.save(new Email("alice@example.com"));
		assertThat(this.emailFlow.send(email)).isEqualTo("SENDING -> completed");
		assertThat(email.getState()).isEqualTo("SENT");
		assertThat(this.emails.findById(email.getId()).orElseThrow().getState()).isEqualTo("SENT");
		assertThat(this.events.of(PostTransitionEvent.class)).extracting(PostTransitionEvent::getTransition)
			.containsExactly("complete", "send");
		assertThat(this.mailServer.sent()).contains("alice@example.com");
	}

	@Test
	void aBodyChainsToAnErrorStateAndTheOuterTransitionStillCompletes() {
		Email email = this.emails.save(new Email("bob@example.com"));
		this.mailServer.setDown(true);
		assertThat(this.emailFlow.send(email)).isEqualTo("SENDING -> failed");
		assertThat(this.emails.findById(email.getId()).orElseThrow().getState()).isEqualTo("ERROR");
	}

}
