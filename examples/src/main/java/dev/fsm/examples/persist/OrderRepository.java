package dev.fsm.examples.persist;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<Order, Integer> {

	List<Order> findByStateInOrderById(Collection<OrderState> states);

}
