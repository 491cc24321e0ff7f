package dev.fsm.it;

import jakarta.persistence.Entity;

/** Overrides a transition and calls super: one transition. */
@Entity
public class ArticleReview extends Review {

	@Override
	public void approve() {
		record("ArticleReview.approve");
		super.approve();
	}

}
