package dev.fsm.examples.persist;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.StateGroup;
import dev.fsm.Transition;

/**
 * An order of the {@code persist} sample. The original's events {@code PROCESS}, {@code SEND}
 * and {@code DELIVER} are its transitions {@code process}, {@code send} and {@code deliver}.
 */
@Entity
@Table(name = "orders")
public class Order {

	@Id
	private Integer id;

	@Version
	private Long version;

	@StateField
	@StateGroup(value = "OPEN", states = { "PLACED", "PROCESSING", "SENT" })
	@Enumerated(EnumType.STRING)
	private OrderState state = OrderState.PLACED;

	protected Order() {
	}

	public Order(int id) {
		this.id = id;
	}

	@Transition(source = "PLACED", target = "PROCESSING")
	public void process() {
	}

	@Transition(source = "PROCESSING", target = "SENT")
	public void send() {
	}

	@Transition(source = "SENT", target = "DELIVERED")
	public void deliver() {
	}

	public Integer getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public OrderState getState() {
		return this.state;
	}

	@Override
	public String toString() {
		return "Order [id=" + this.id + ", state=" + this.state + "]";
	}

}
