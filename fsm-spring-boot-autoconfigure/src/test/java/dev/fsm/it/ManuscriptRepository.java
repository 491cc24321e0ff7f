package dev.fsm.it;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ManuscriptRepository extends JpaRepository<Manuscript, Long> {

}
