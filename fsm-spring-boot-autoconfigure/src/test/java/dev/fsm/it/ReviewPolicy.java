package dev.fsm.it;

import org.springframework.stereotype.Component;

@Component
public class ReviewPolicy {

	private boolean retractAllowed = true;

	public boolean mayRetract(CaseReport report) {
		return this.retractAllowed;
	}

	public void setRetractAllowed(boolean retractAllowed) {
		this.retractAllowed = retractAllowed;
	}

}
