package com.example.reports;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.PostTransitionEvent;

@Component
class ReportNotifications {

	private static final Log logger = LogFactory.getLog(ReportNotifications.class);

	private final List<String> sent = new CopyOnWriteArrayList<>();

	@TransactionalEventListener                   // after commit: nothing for a rolled-back transition
	void tellTheAuthor(PostTransitionEvent<CaseReport> event) {
		CaseReport report = event.getEntity();
		String message = "To " + report.author + ": '" + report.title + "' is now " + event.getTargetState();
		this.sent.add(message);                   // a real application sends a mail here
		logger.info(message);
	}

	List<String> sent() {
		return this.sent;
	}

}
