package dev.fsm.sample;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseReportRepository extends JpaRepository<CaseReport, Long> {

}
