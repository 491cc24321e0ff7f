package dev.fsm.examples.persist;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;

/**
 * What the original's {@code Persist} did with a {@code JdbcTemplate}, a state machine reset to
 * each order's state and a listener that wrote the new state back: list the orders, and change
 * one by an event. Here {@link #change} is one call, and the order's row, version and audit trail
 * change in one transaction or not at all.
 */
@Service
public class Persist {

	private final OrderRepository orders;

	private final Transitions transitions;

	Persist(OrderRepository orders, Transitions transitions) {
		this.orders = orders;
		this.transitions = transitions;
	}

	@Transactional(readOnly = true)
	public String listDbEntries() {
		StringBuilder entries = new StringBuilder();
		for (Order order : this.orders.findAll(org.springframework.data.domain.Sort.by("id"))) {
			entries.append(order).append('\n');
		}
		return entries.toString();
	}

	/**
	 * Fires {@code transition} on the order with this id.
	 * @throws dev.fsm.TransitionNotAllowedException when the order's state is no source of it
	 */
	public void change(int order, String transition) {
		this.transitions.fire(EntityRef.of(Order.class, order), transition);
	}

	/** The orders not delivered yet: those in the state group {@code OPEN}. */
	@Transactional(readOnly = true)
	public List<Order> open() {
		List<OrderState> open = this.transitions.workflow(Order.class).group("OPEN").values(OrderState.class);
		return this.orders.findByStateInOrderById(open);
	}

}
