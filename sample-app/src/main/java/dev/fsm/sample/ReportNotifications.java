package dev.fsm.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.PostTransitionEvent;

/**
 * Tells the author what happened to their report, after the transition committed: no message
 * for a transition that rolled back. The sample keeps the messages in memory and logs them; the
 * e-mails of the talk are {@link ReportMails}.
 */
@Component
class ReportNotifications {

	private static final Log logger = LogFactory.getLog(ReportNotifications.class);

	private final List<String> sent = new CopyOnWriteArrayList<>();

	@TransactionalEventListener
	void notifyAuthor(PostTransitionEvent<CaseReport> event) {
		CaseReport report = event.getEntity();
		String message = "To " + report.getAuthorEmail() + ": '" + report.getTitle() + "' is now "
				+ event.getTargetState() + " (" + event.getTransition() + " by " + event.getActor() + ")";
		this.sent.add(message);
		logger.info(message);
	}

	List<String> sent() {
		return this.sent;
	}

}
