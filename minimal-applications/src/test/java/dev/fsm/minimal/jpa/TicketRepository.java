package dev.fsm.minimal.jpa;

import org.springframework.data.jpa.repository.JpaRepository;

/** The tickets. */
public interface TicketRepository extends JpaRepository<Ticket, Long> {

}
