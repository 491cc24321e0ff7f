package dev.fsm.examples.migration;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The code of the migration guide at work: regions, a choice, a join, a fork, an error action,
 * entry and exit actions and a timer, each as a test of what it does.
 */
@SpringBootTest(properties = "fsm.timers.poll-interval=200ms")
class FulfilmentTests {

	@Autowired
	Transitions transitions;

	@Autowired
	FulfilmentRepository fulfilments;

	@Autowired
	PaymentFlow payments;

	@Autowired
	FulfilmentService service;

	@Autowired
	FulfilmentEvents events;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clearTheLog() {
		this.events.log().clear();
	}

	@Test
	void aChoiceTakesTheTargetTheMethodReturns() {
		Fulfilment inStock = this.fulfilments.save(new Fulfilment(new BigDecimal("20"), 1));
		Fulfilment soldOut = this.fulfilments.save(new Fulfilment(new BigDecimal("20"), 0));
		this.transitions.on(inStock).pack();
		this.transitions.on(soldOut).pack();
		assertThat(shipping(inStock)).isEqualTo("PACKED");
		assertThat(shipping(soldOut)).isEqualTo("BACKORDERED");
	}

	@Test
	void aJoinWaitsForTheOtherRegion() {
		Fulfilment fulfilment = packed(new BigDecimal("20"));
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.on(fulfilment).ship())
			.withMessageContaining("payment.name() == 'PAID'");
		this.payments.pay(fulfilment);
		this.transitions.on(fulfilment).ship();
		assertThat(payment(fulfilment)).isEqualTo("PAID");
		assertThat(shipping(fulfilment)).isEqualTo("SHIPPED");
		assertThat(this.events.log()).containsExactly("WAITING -> PACKED", "UNPAID -> PAID", "PACKED -> SHIPPED",
				"entered SHIPPED: tell the customer about order " + fulfilment.getId());
	}

	@Test
	void anErrorActionLeavesThePaymentDeclined() {
		Fulfilment fulfilment = packed(new BigDecimal("5000"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.payments.pay(fulfilment))
			.withMessage("Declined: 5000 is over the limit");
		assertThat(payment(stored(fulfilment))).isEqualTo("DECLINED");
		assertThat(this.events.log()).containsExactly("WAITING -> PACKED", "pay failed: Declined: 5000 is over the limit, now DECLINED");
	}

	@Test
	void aForkMovesBothRegionsInOneTransactionOrNeither() {
		Fulfilment paid = packed(new BigDecimal("20"));
		this.payments.pay(paid);
		this.service.cancel(paid.getId());
		assertThat(payment(stored(paid))).isEqualTo("REFUNDED");
		assertThat(shipping(stored(paid))).isEqualTo("RECALLED");
		assertThat(this.events.log()).contains("left PAID by refund");

		Fulfilment shipped = packed(new BigDecimal("20"));
		this.payments.pay(shipped);
		this.transitions.on(shipped).ship();
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.service.cancel(shipped.getId()));
		assertThat(payment(stored(shipped))).isEqualTo("PAID");
		assertThat(shipping(stored(shipped))).isEqualTo("SHIPPED");
	}

	@Test
	void aTimerExpiresAnOrderLeftUnpaid() {
		Fulfilment fulfilment = this.fulfilments.save(new Fulfilment(new BigDecimal("20"), 1));
		this.jdbc.update("update fulfilment set payment_changed_at = ? where id = ?",
				Timestamp.from(Instant.now().minus(Duration.ofMinutes(31))), fulfilment.getId());
		await().atMost(Duration.ofSeconds(10)).until(() -> payment(stored(fulfilment)).equals("EXPIRED"));
	}

	private Fulfilment packed(BigDecimal amount) {
		Fulfilment fulfilment = this.fulfilments.save(new Fulfilment(amount, 1));
		this.transitions.on(fulfilment).pack();
		return fulfilment;
	}

	private Fulfilment stored(Fulfilment fulfilment) {
		return this.fulfilments.findById(fulfilment.getId()).orElseThrow();
	}

	private String payment(Fulfilment fulfilment) {
		return this.transitions.state(fulfilment, "payment");
	}

	private String shipping(Fulfilment fulfilment) {
		return this.transitions.state(fulfilment, "shipping");
	}

}
