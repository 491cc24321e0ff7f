package dev.fsm.it;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.Transitions;

/** The shared Spring context of the engine integration tests. */
@SpringBootTest(classes = TestApplication.class)
public abstract class WorkflowTestSupport {

	@Autowired
	protected Transitions transitions;

	@Autowired
	protected RecordingListener events;

	@Autowired
	protected TransactionTemplate transaction;

	@Autowired
	protected CaseReportRepository reports;

	@Autowired
	protected ReviewPolicy reviewPolicy;

	@Autowired
	protected MailServer mailServer;

	@BeforeEach
	void resetRecorders() {
		this.events.reset();
		this.reviewPolicy.setRetractAllowed(true);
		this.mailServer.setDown(false);
	}

	/**
	 * A saved report in {@code state}, put there by the supported escape hatch, not a
	 * field write.
	 */
	protected CaseReport report(ReportState state) {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		if (state != ReportState.DRAFT) {
			this.transitions.forceState(report, state.name(), "test setup");
		}
		return report;
	}

}
