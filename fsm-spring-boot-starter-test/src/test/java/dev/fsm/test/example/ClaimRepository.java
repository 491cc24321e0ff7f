package dev.fsm.test.example;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ClaimRepository extends JpaRepository<ExpenseClaim, Long> {

}
