package dev.fsm.fields;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CrateRepository extends JpaRepository<Crate, Long> {

}
