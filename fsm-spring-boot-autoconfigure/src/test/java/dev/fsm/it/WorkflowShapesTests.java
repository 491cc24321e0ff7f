package dev.fsm.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionConditionException;
import dev.fsm.UnknownTransitionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Several state fields on one entity, and inheritance.
 */
class WorkflowShapesTests extends WorkflowTestSupport {

	@Autowired
	ShipmentRepository shipments;

	@Autowired
	ArticleReviewRepository articleReviews;

	@Autowired
	CodeReviewRepository codeReviews;

	@Test
	void eachStateFieldIsItsOwnWorkflow() {
		Shipment shipment = this.shipments.save(new Shipment());
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.on(shipment).ship())
			.withMessageEndingWith("in state 'PENDING': condition not met: payment == 'PAID'");
		this.transitions.on(shipment).pay();
		this.transitions.on(shipment).ship();
		Shipment saved = this.shipments.findById(shipment.getId()).orElseThrow();
		assertThat(saved.getPayment()).isEqualTo("PAID");
		assertThat(saved.getDelivery()).isEqualTo(DeliveryState.SHIPPED);
		assertThat(this.events.of(PostTransitionEvent.class)).extracting((e) -> e.getWorkflow().name())
			.containsExactly("payment", "Shipment.delivery");
	}

	@Test
	void aNameTwoWorkflowsShareIsAmbiguousByName() {
		Shipment shipment = this.shipments.save(new Shipment());
		assertThatExceptionOfType(UnknownTransitionException.class)
			.isThrownBy(() -> this.transitions.fire(shipment, "reset"))
			.withMessage("Transition 'reset' on Shipment#" + shipment.getId()
					+ " is ambiguous: workflows Shipment.delivery, payment each have one; fire it through"
					+ " transitions.on(entity) instead");
		this.transitions.on(shipment).restart();
		assertThat(shipment.getDelivery()).isEqualTo(DeliveryState.PENDING);
	}

	@Test
	void transitionsOfAMappedSuperclassApplyToItsSubclasses() {
		CodeReview review = this.codeReviews.save(new CodeReview());
		this.transitions.on(review).approve();
		CodeReview saved = this.codeReviews.findById(review.getId()).orElseThrow();
		assertThat(saved.getStatus()).isEqualTo("APPROVED");
		assertThat(saved.getTrail()).isEqualTo("Review.approve in APPROVED;");
		assertThat(this.events.of(PostTransitionEvent.class)).singleElement()
			.satisfies((event) -> assertThat(event.getWorkflow().name()).isEqualTo("CodeReview.status"));
	}

	@Test
	void anOverrideCallingSuperIsOneTransition() {
		ArticleReview review = this.articleReviews.save(new ArticleReview());
		this.transitions.on(review).approve();
		ArticleReview saved = this.articleReviews.findById(review.getId()).orElseThrow();
		assertThat(saved.getStatus()).isEqualTo("APPROVED");
		assertThat(saved.getTrail()).isEqualTo("ArticleReview.approve;Review.approve in APPROVED;");
		assertThat(this.events.of(PostTransitionEvent.class)).hasSize(1);
	}

	@Test
	void anOverrideWithItsOwnDeclarationReplacesTheInheritedOne() {
		CodeReview review = this.codeReviews.save(new CodeReview());
		this.transitions.on(review).approve();
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.on(review).reopen())
			.withMessageEndingWith("condition not met: false");
		ArticleReview article = this.articleReviews.save(new ArticleReview());
		this.transitions.on(article).approve();
		this.transitions.on(article).reopen();
		assertThat(article.getStatus()).isEqualTo("OPEN");
	}

}
