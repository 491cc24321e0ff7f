package dev.fsm.it.warehouse;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * Same simple name as {@link dev.fsm.it.shop.Order}; told apart by the JPA entity name.
 */
@Entity(name = "WarehouseOrder")
public class Order {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField
	private String state = "RECEIVED";

	@Transition(source = "RECEIVED", target = "PICKED")
	public void pick() {
	}

	public Long getId() {
		return this.id;
	}

}
