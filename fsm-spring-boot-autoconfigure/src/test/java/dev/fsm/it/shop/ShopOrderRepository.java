package dev.fsm.it.shop;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ShopOrderRepository extends JpaRepository<Order, Long> {

}
