package dev.fsm.sample;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A physician's case report: written by its author, reviewed by staff, approved by the author,
 * published by staff.
 */
@Entity
public class CaseReport {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String title;

	private String authorEmail;

	private boolean authorApproved;

	@StateField
	@Enumerated(EnumType.STRING)
	private ReportState state = ReportState.DRAFT;

	protected CaseReport() {
	}

	public CaseReport(String title, String authorEmail) {
		this.title = title;
		this.authorEmail = authorEmail;
	}

	@Transition(source = { "DRAFT", "AUTHOR_REVIEW" }, target = "ADMIN_REVIEW", label = "Submit",
			permission = "#entity.authorEmail == authentication.name", conditions = "title != null")
	public String submit() {
		return "Submitted for review.";
	}

	@Transition(source = "ADMIN_REVIEW", target = "AUTHOR_REVIEW", label = "Send back", permission = "hasRole('STAFF')")
	public String sendBack() {
		this.authorApproved = false;
		return "The case report has been sent back to its author.";
	}

	@Transition(source = "AUTHOR_REVIEW", target = "ADMIN_REVIEW", label = "Approve",
			permission = "#entity.authorEmail == authentication.name")
	public String approve() {
		this.authorApproved = true;
		return "Thank you for approving your Case Report. We will contact you when it goes live.";
	}

	@Transition(source = "ADMIN_REVIEW", target = "LIVE", label = "Publish", permission = "hasRole('STAFF')",
			conditions = "authorApproved")
	public String publish() {
		return "The case report is live.";
	}

	@Transition(source = "LIVE", target = "RETRACTED", label = "Retract", permission = "hasRole('STAFF')")
	public String retract() {
		return "The case report has been retracted.";
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getTitle() {
		return this.title;
	}

	public String getAuthorEmail() {
		return this.authorEmail;
	}

	public boolean isAuthorApproved() {
		return this.authorApproved;
	}

	public ReportState getState() {
		return this.state;
	}

}
