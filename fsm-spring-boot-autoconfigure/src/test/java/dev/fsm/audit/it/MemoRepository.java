package dev.fsm.audit.it;

import org.springframework.data.jpa.repository.JpaRepository;

interface MemoRepository extends JpaRepository<Memo, Long> {

}
