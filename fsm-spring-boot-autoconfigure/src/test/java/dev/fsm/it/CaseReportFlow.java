package dev.fsm.it;

import org.springframework.stereotype.Service;

import dev.fsm.Transition;

@Service
public class CaseReportFlow {

	@Transition(source = "ADMIN_REVIEW", target = "LIVE", permission = "hasRole('STAFF')")
	public String publish(CaseReport report) {
		return "Published " + report.getTitle() + " in state " + report.getState();
	}

}
