package dev.fsm.messages.it;

import dev.fsm.StateInfo;

public enum MemoState {

	DRAFT,

	@StateInfo(label = "Author review", description = "The author reads the edited text")
	AUTHOR_REVIEW,

	@StateInfo(label = "Live")
	LIVE

}
