package dev.fsm.it;

import org.springframework.stereotype.Component;

/** A permission bean that can be made to throw, as a remote policy service might. */
@Component
public class LetterPolicy {

	private volatile boolean broken;

	public boolean mayArchive(Letter letter) {
		if (this.broken) {
			throw new IllegalStateException("policy service unavailable");
		}
		return true;
	}

	public void setBroken(boolean broken) {
		this.broken = broken;
	}

}
