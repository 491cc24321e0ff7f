package com.example.reports;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseReportRepository extends JpaRepository<CaseReport, Long> {

}
