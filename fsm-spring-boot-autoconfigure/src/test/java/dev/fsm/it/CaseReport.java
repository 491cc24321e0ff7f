package dev.fsm.it;

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

	@Transition(source = "DRAFT", target = "ADMIN_REVIEW", conditions = "#entity.title != null",
			label = "Submit for review", description = "The author submits the report",
			properties = { "button=primary", "icon=send" })
	public void submit() {
	}

	@Transition(source = "ADMIN_REVIEW", target = "AUTHOR_REVIEW", permission = "hasRole('STAFF')")
	public String sendBack(String reason) {
		return "Sent back: " + reason + " (state " + this.state + ")";
	}

	@Transition(source = "AUTHOR_REVIEW", target = "ADMIN_REVIEW",
			permission = "#entity.authorEmail == authentication.name")
	public String approve() {
		this.authorApproved = true;
		return "Thank you for approving your Case Report.";
	}

	@Transition(source = { "LIVE", "ADMIN_REVIEW" }, target = "RETRACTED",
			conditions = { "title != null", "authorApproved", "@reviewPolicy.mayRetract(#entity)" })
	public void retract() {
	}

	@Transition(source = "*", conditions = "true")
	public void touch() {
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

	public void setTitle(String title) {
		this.title = title;
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
