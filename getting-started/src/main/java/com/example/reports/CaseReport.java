package com.example.reports;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

@Entity
public class CaseReport {

	@Id @GeneratedValue Long id;
	@Version Long version;                        // optimistic locking
	String title;
	String author;

	@StateField                                   // only transitions change it
	@Enumerated(EnumType.STRING)
	ReportState state = ReportState.DRAFT;        // the initial state

	protected CaseReport() {                      // for JPA
	}

	public CaseReport(String title, String author) {
		this.title = title;
		this.author = author;
	}

	@Transition(source = "DRAFT", target = "IN_REVIEW",
				permission = "#entity.author == authentication.name",
				conditions = "title != null")
	public String submit() {                      // the body: side effects on the entity
		return "Submitted for review.";
	}

	@Transition(source = "IN_REVIEW", target = "PUBLISHED", permission = "hasRole('EDITOR')")
	public String publish() {
		return "Published.";
	}

	@Override
	public String toString() {                    // how the console names it
		return this.title;
	}

}
