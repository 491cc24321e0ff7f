package dev.fsm.audit.it;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupportTicketRepository extends JpaRepository<SupportTicket, Long> {

}
