package dev.fsm.examples.security;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SecuredMachineRepository extends JpaRepository<SecuredMachine, Long> {

}
