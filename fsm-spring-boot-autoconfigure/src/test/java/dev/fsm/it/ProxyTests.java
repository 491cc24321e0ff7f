package dev.fsm.it;

import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.orm.ObjectRetrievalFailureException;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.TransitionRoute;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.TransitionNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A Hibernate proxy ({@code getReferenceById}) is the entity everywhere: in the advice of
 * a flow bean, in {@code fire}, {@code on}, the queries and the messages, with its
 * session open or closed. Its own uninitialized fields are never taken for the entity's
 * state.
 */
class ProxyTests extends WorkflowTestSupport {

	@Autowired
	CaseReportFlow flow;

	@Autowired
	EmailFlow emailFlow;

	@Autowired
	EmailRepository emails;

	@Autowired
	WorkflowDiagrams diagrams;

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void aFlowBeanCalledWithAProxyInsideATransactionChecksTheStoredState() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		String message = this.transaction.execute((status) -> {
			CaseReport proxy = this.reports.getReferenceById(report.getId());
			assertThat(proxy).isInstanceOf(HibernateProxy.class);
			return this.flow.publish(proxy);
		});
		assertThat(message).isEqualTo("Published Rare case in state LIVE");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.LIVE);
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void aFlowBeanCalledWithAProxyWhoseSessionIsClosedLoadsTheEntity() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		CaseReport proxy = this.reports.getReferenceById(report.getId());
		assertThat(this.flow.publish(proxy)).isEqualTo("Published Rare case in state LIVE");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.LIVE);
		assertThat(this.events.all)
			.allSatisfy((event) -> assertThat(event.getEntity()).isNotInstanceOf(HibernateProxy.class));
	}

	@Test
	void aProxyIsNotMistakenForAnEntityInItsDefaultState() {
		Email email = this.emails.save(new Email("alice@example.com"));
		this.emailFlow.send(email);
		Email proxy = this.emails.getReferenceById(email.getId());
		// the proxy object's own field holds the default "NEW", the source of send
		assertThatExceptionOfType(TransitionNotAllowedException.class).isThrownBy(() -> this.emailFlow.send(proxy))
			.withMessage("Transition 'send' is not allowed from state 'SENT' on Email#" + email.getId()
					+ " (allowed from: NEW)");
		assertThat(this.emails.findById(email.getId()).orElseThrow().getVersion()).isEqualTo(2);
	}

	@Test
	void firingAndAskingThroughAProxyUseTheEntityAndNameItsId() {
		CaseReport report = report(ReportState.LIVE);
		CaseReport proxy = this.reports.getReferenceById(report.getId());
		assertThat(this.transitions.available(proxy)).extracting(TransitionRoute::name)
			.containsExactly("touch", "takeDown");
		assertThat(this.transitions.can(proxy, "touch")).isTrue();
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.fire(proxy, "submit"))
			.withMessage("Transition 'submit' is not allowed from state 'LIVE' on CaseReport#" + report.getId()
					+ " (allowed from: DRAFT)");
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(this.reports.getReferenceById(report.getId())).submit())
			.withMessageContaining("on CaseReport#" + report.getId());
		this.transitions.on(proxy).touch();
		assertThat(this.reports.findById(report.getId()).orElseThrow().getVersion()).isEqualTo(report.getVersion() + 1);
	}

	@Test
	void theStateAndTheHighlightedDiagramOfAProxyWhoseSessionIsClosedAreTheEntitys() {
		CaseReport report = report(ReportState.LIVE);
		CaseReport proxy = this.reports.getReferenceById(report.getId());
		assertThat(this.transitions.state(proxy)).isEqualTo("LIVE");
		assertThat(this.transitions.state(this.transitions.on(proxy), "state")).isEqualTo("LIVE");
		Highlight highlight = this.diagrams.highlight(proxy, this.transitions.workflow(CaseReport.class));
		assertThat(highlight.currentState()).isEqualTo("LIVE");
		assertThat(this.diagrams.render(proxy, DiagramFormat.MERMAID)).contains("class LIVE current");
	}

	@Test
	void aDetachedEntityIsNamedByItsId() {
		CaseReport report = report(ReportState.LIVE);
		CaseReport detached = this.reports.findById(report.getId()).orElseThrow();
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(detached).submit())
			.satisfies((ex) -> assertThat(ex.getEntityId()).isEqualTo(report.getId()))
			.withMessageContaining("on CaseReport#" + report.getId() + " ");
	}

	@Test
	void aProxyOfARowThatDoesNotExistIsATypedNotFoundError() {
		CaseReport proxy = this.reports.getReferenceById(-1L);
		assertThatExceptionOfType(ObjectRetrievalFailureException.class)
			.isThrownBy(() -> this.transitions.fire(proxy, "touch"))
			.withMessageContaining("CaseReport#-1 does not exist");
	}

}
