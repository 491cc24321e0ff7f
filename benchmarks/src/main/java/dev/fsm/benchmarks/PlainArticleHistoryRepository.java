package dev.fsm.benchmarks;

import org.springframework.data.jpa.repository.JpaRepository;

/** The hand-written service's history, through Spring Data as a Spring developer would keep it. */
public interface PlainArticleHistoryRepository extends JpaRepository<PlainArticleHistory, Long> {

}
