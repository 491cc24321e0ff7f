package dev.fsm.it.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * Same simple name as {@link dev.fsm.it.warehouse.Order}; told apart by the JPA entity
 * name.
 */
@Entity(name = "ShopOrder")
public class Order {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField
	private String state = "PLACED";

	@Transition(source = "PLACED", target = "PAID")
	public void pay() {
	}

	public Long getId() {
		return this.id;
	}

}
