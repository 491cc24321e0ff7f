package dev.fsm.it;

import org.springframework.stereotype.Service;

import dev.fsm.Transition;

/** A flow bean whose entity parameter is not the first one. */
@Service
public class CaseReportModeration {

	@Transition(source = "LIVE", target = "RETRACTED", permission = "hasRole('STAFF') and #reason.length() > 3",
			name = "takeDown")
	public String takeDown(String reason, CaseReport report) {
		return "Taken down: " + reason;
	}

}
