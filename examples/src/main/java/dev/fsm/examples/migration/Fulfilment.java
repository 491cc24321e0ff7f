package dev.fsm.examples.migration;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * The fulfilment of an order: two regions, payment and shipping, each a state field of its own.
 */
@Entity
public class Fulfilment {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private BigDecimal amount;

	private int itemsInStock;

	@StateField
	@Enumerated(EnumType.STRING)
	private PaymentState payment = PaymentState.UNPAID;

	@StateField
	@Enumerated(EnumType.STRING)
	private ShippingState shipping = ShippingState.WAITING;

	@StateChangedAt(field = "payment")
	private Instant paymentChangedAt;

	protected Fulfilment() {
	}

	public Fulfilment(BigDecimal amount, int itemsInStock) {
		this.amount = amount;
		this.itemsInStock = itemsInStock;
	}

	/** A timer: an order left unpaid for 30 minutes expires. */
	@Transition(field = "payment", source = "UNPAID", target = "EXPIRED", after = "PT30M")
	public void expire() {
	}

	/** A choice: the method returns the target, packed when the items are in stock. */
	@Transition(field = "shipping", source = "WAITING", target = { "PACKED", "BACKORDERED" })
	public ShippingState pack() {
		return (this.itemsInStock > 0) ? ShippingState.PACKED : ShippingState.BACKORDERED;
	}

	/** A join: shipping waits for the payment region to be in PAID. */
	@Transition(field = "shipping", source = "PACKED", target = "SHIPPED", conditions = "payment.name() == 'PAID'")
	public void ship() {
	}

	@Transition(field = "payment", source = "PAID", target = "REFUNDED")
	public void refund() {
	}

	@Transition(field = "shipping", source = { "WAITING", "BACKORDERED", "PACKED" }, target = "RECALLED")
	public void recall() {
	}

	public Long getId() {
		return this.id;
	}

	public BigDecimal getAmount() {
		return this.amount;
	}

	public PaymentState getPayment() {
		return this.payment;
	}

	public ShippingState getShipping() {
		return this.shipping;
	}

}
