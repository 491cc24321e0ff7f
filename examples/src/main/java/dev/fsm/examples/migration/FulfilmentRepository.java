package dev.fsm.examples.migration;

import org.springframework.data.jpa.repository.JpaRepository;

public interface FulfilmentRepository extends JpaRepository<Fulfilment, Long> {

}
