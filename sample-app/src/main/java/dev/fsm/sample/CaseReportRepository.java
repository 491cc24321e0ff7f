package dev.fsm.sample;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseReportRepository extends JpaRepository<CaseReport, Long> {

	List<CaseReport> findByAuthorEmailOrderByIdDesc(String authorEmail);

	List<CaseReport> findAllByOrderByIdDesc();

}
