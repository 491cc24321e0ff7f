package dev.fsm.it.warehouse;

import org.springframework.data.jpa.repository.JpaRepository;

public interface WarehouseOrderRepository extends JpaRepository<Order, Long> {

}
