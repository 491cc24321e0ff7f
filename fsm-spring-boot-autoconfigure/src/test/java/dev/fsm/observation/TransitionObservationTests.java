package dev.fsm.observation;

import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.observation.tck.ObservationContextAssert;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.TransitionObservationContext;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every transition attempt is one {@code fsm.transition} observation whose key values say
 * which transition it was, between which states, and how it ended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@WithMockUser(username = "carol", roles = "CASHIER")
class TransitionObservationTests {

	@Autowired
	TestObservationRegistry observations;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Transitions transitions;

	@Autowired
	PaymentRepository payments;

	@BeforeEach
	void forgetEarlierObservations() {
		this.observations.clear();
	}

	@Test
	void completed() {
		Payment payment = this.payments.save(new Payment(true));
		this.transitions.on(payment).authorize();
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("workflow", "Payment.state")
			.hasLowCardinalityKeyValue("transition", "authorize")
			.hasLowCardinalityKeyValue("source", "NEW")
			.hasLowCardinalityKeyValue("target", "AUTHORIZED")
			.hasLowCardinalityKeyValue("outcome", "completed")
			.hasLowCardinalityKeyValue("condition", "none")
			.hasHighCardinalityKeyValue("entity.id", payment.getId().toString())
			.hasHighCardinalityKeyValue("actor", "carol")
			.hasContextualNameEqualTo("Payment.state authorize")
			.doesNotHaveError());
	}

	@Test
	void notAllowed() {
		Payment payment = this.payments.save(new Payment(true));
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(payment).capture());
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("transition", "capture")
			.hasLowCardinalityKeyValue("source", "NEW")
			.hasLowCardinalityKeyValue("target", "unknown")
			.hasLowCardinalityKeyValue("outcome", "not_allowed")
			.assertThatError()
			.isInstanceOf(TransitionNotAllowedException.class));
	}

	@Test
	@WithMockUser(username = "dave", roles = "CLERK")
	void denied() {
		Payment payment = authorized();
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(payment).capture());
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("transition", "capture")
			.hasLowCardinalityKeyValue("source", "AUTHORIZED")
			.hasLowCardinalityKeyValue("target", "CAPTURED")
			.hasLowCardinalityKeyValue("outcome", "denied")
			.hasLowCardinalityKeyValue("condition", "none")
			.hasHighCardinalityKeyValue("actor", "dave"));
	}

	@Test
	void conditionFailed() {
		Payment payment = this.payments.save(new Payment(false));
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.on(payment).authorize());
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("transition", "authorize")
			.hasLowCardinalityKeyValue("source", "NEW")
			.hasLowCardinalityKeyValue("target", "AUTHORIZED")
			.hasLowCardinalityKeyValue("outcome", "condition_failed")
			.hasLowCardinalityKeyValue("condition", "identityVerified"));
	}

	@Test
	void invalidArguments() {
		Payment payment = this.payments.save(new Payment(true));
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.on(payment).decline(" "));
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("transition", "decline")
			.hasLowCardinalityKeyValue("source", "NEW")
			.hasLowCardinalityKeyValue("target", "VOIDED")
			.hasLowCardinalityKeyValue("outcome", "invalid_arguments")
			.assertThatError()
			.isInstanceOf(InvalidTransitionArgumentsException.class));
	}

	@Test
	void conflict() {
		Payment payment = this.payments.save(new Payment(true));
		Payment stale = this.payments.findById(payment.getId()).orElseThrow();
		this.transitions.on(payment).authorize();
		this.observations.clear();
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.on(stale).cancel());
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("transition", "cancel")
			.hasLowCardinalityKeyValue("source", "NEW")
			.hasLowCardinalityKeyValue("target", "VOIDED")
			.hasLowCardinalityKeyValue("outcome", "conflict")
			.assertThatError()
			.isInstanceOf(ConcurrentTransitionException.class));
	}

	@Test
	void error() {
		Payment payment = authorized();
		assertThatIllegalStateException().isThrownBy(() -> this.transitions.on(payment).captureViaGateway())
			.withMessage("The payment gateway is down");
		assertSingleObservation((context) -> context.hasLowCardinalityKeyValue("transition", "captureViaGateway")
			.hasLowCardinalityKeyValue("source", "AUTHORIZED")
			.hasLowCardinalityKeyValue("target", "CAPTURED")
			.hasLowCardinalityKeyValue("outcome", "error")
			.assertThatError()
			.hasMessage("The payment gateway is down"));
		assertThat(this.payments.findById(payment.getId()).orElseThrow().getState()).isEqualTo(PaymentState.AUTHORIZED);
	}

	@Test
	void becomesATimerPerOutcomeWithAMeterRegistry() {
		Payment payment = this.payments.save(new Payment(true));
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(payment).capture());
		this.transitions.on(payment).authorize();
		assertThat(this.meters.get("fsm.transition")
			.tag("workflow", "Payment.state")
			.tag("transition", "authorize")
			.tag("outcome", "completed")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("fsm.transition")
			.tag("transition", "capture")
			.tag("outcome", "not_allowed")
			.tag("error", "TransitionNotAllowedException")
			.timer()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("fsm.transition.active").longTaskTimers())
			.allSatisfy((active) -> assertThat(active.getId().getTags()).extracting(Tag::getKey)
				.containsExactlyInAnyOrder("workflow", "transition"));
	}

	private Payment authorized() {
		Payment payment = this.payments.save(new Payment(true));
		this.transitions.on(payment).authorize();
		this.observations.clear();
		return payment;
	}

	private void assertSingleObservation(Consumer<ObservationContextAssert<?>> requirements) {
		TestObservationRegistryAssert.assertThat(this.observations)
			.hasNumberOfObservationsWithNameEqualTo("fsm.transition", 1)
			.hasObservationWithNameEqualTo("fsm.transition")
			.that()
			.isInstanceOf(TransitionObservationContext.class)
			.satisfies((context) -> requirements.accept(ObservationContextAssert.assertThat(context)));
	}

}
