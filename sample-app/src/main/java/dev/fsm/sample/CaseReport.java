package dev.fsm.sample;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.fsm.Condition;
import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A physician's case report, the talk's workflow: written by its primary author, reviewed by
 * staff ("processing"), sent back to the author or approved by them, published by staff once
 * the author approved, retracted by either. A report left in author review for longer than
 * {@code sample.author-review-timeout} (30 days; 2 minutes in the {@code demo} profile) goes
 * back to staff by itself.
 */
@Entity
@Table(indexes = @Index(name = "case_report_due", columnList = "state, stateChangedAt"))
@Condition(name = CaseReport.HAS_TITLE, value = "title != null and !title.isBlank()",
		message = "The report needs a title")
@Condition(name = CaseReport.APPROVED_BY_AUTHOR, value = "authorApproved",
		message = "The author has not approved the latest text of \"{title}\"")
public class CaseReport {

	static final String AUTHOR = "#entity.authorEmail == authentication.name";

	static final String STAFF = "hasRole('STAFF')";

	/** The condition that the report has a title, by name ({@link Condition}). */
	static final String HAS_TITLE = "hasTitle";

	/** The condition that the author approved what staff changed, by name. */
	static final String APPROVED_BY_AUTHOR = "approvedByAuthor";

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String title;

	@Column(length = 20_000)
	private String body;

	private String authorEmail;

	private boolean authorApproved;

	private boolean adminApproved;

	/**
	 * Authors read (and find in the lists of the workflow API and console) their own reports;
	 * staff read all of them ({@code fsm.web.read-all} in application.properties).
	 */
	@StateField(readPermission = AUTHOR, readFilter = "e.authorEmail = :#{authentication.name}",
			searchable = { "title", "authorEmail" })
	@Enumerated(EnumType.STRING)
	private ReportState state = ReportState.DRAFT;

	/** When the report entered its state: the timer finds the reports waiting too long by it. */
	@StateChangedAt
	private Instant stateChangedAt;

	protected CaseReport() {
	}

	public CaseReport(String title, String authorEmail) {
		this(title, "", authorEmail);
	}

	public CaseReport(String title, String body, String authorEmail) {
		this.title = title;
		this.body = body;
		this.authorEmail = authorEmail;
	}

	/**
	 * The talk's {@code can_edit}: the author while it is theirs, staff while they review it. Its
	 * parameters carry the rules of a report's title and text, the only place they are declared:
	 * the engine checks them however the edit is fired (pages, console, API), and the pages check
	 * a new draft by them ({@link ReportRules}).
	 */
	@Transition(source = { "DRAFT", "AUTHOR_REVIEW", "RETRACTED" }, label = "Edit", permission = AUTHOR,
			permissionMessage = "Only the report's author may edit it now")
	@Transition(source = "ADMIN_REVIEW", label = "Edit", permission = STAFF,
			permissionMessage = "Only staff may edit a report they are reviewing")
	public String edit(
			@NotBlank(message = "A case report needs a title.") @Size(max = 200,
					message = "Keep the title under 200 characters.") String title,
			@Size(max = 20_000, message = "Keep the report under 20,000 characters.") String body) {
		this.title = title;
		this.body = body;
		return "Your changes have been saved.";
	}

	@Transition(source = { "DRAFT", "AUTHOR_REVIEW" }, target = "ADMIN_REVIEW", label = "Submit",
			description = "Send your report, with your changes, to staff for review", permission = AUTHOR,
			permissionMessage = "Only the report's author may submit it", conditions = HAS_TITLE)
	public String submit() {
		return "Submitted for review.";
	}

	/** Staff want changes: the author has to approve again what they send back. */
	@Transition(source = "ADMIN_REVIEW", target = "AUTHOR_REVIEW", label = "Send back",
			description = "Return the report to its author for changes", permission = STAFF,
			permissionMessage = "Only staff may send a report back")
	public String sendBack() {
		this.adminApproved = false;
		this.authorApproved = false;
		return "The case report has been sent back to its author.";
	}

	@Transition(source = "AUTHOR_REVIEW", target = "ADMIN_REVIEW", label = "Approve",
			description = "Accept staff's version as it is, for publication", permission = AUTHOR,
			permissionMessage = "Only the report's author may approve it")
	public String approve() {
		this.authorApproved = true;
		this.adminApproved = false;
		return "Thank you for approving your Case Report. We will contact you when it goes live.";
	}

	@Transition(source = "ADMIN_REVIEW", target = "LIVE", label = "Publish",
			description = "Publish the report its author approved", permission = STAFF,
			permissionMessage = "Only staff may publish a report", conditions = APPROVED_BY_AUTHOR,
			confirm = "Publish this case report? Everyone will be able to read it.")
	public String publish() {
		this.adminApproved = true;
		return "The case report is live.";
	}

	/** An author who does not answer does not hold a report up: it goes back to staff. */
	@Transition(source = "AUTHOR_REVIEW", target = "ADMIN_REVIEW", label = "Review timed out",
			description = "The author did not answer within the review period",
			after = "${sample.author-review-timeout:P30D}", permission = "authentication.name == 'system'")
	public String authorReviewTimedOut() {
		return "The author did not answer in time; the case report is back with staff.";
	}

	@Transition(source = "LIVE", target = "RETRACTED", label = "Retract", description = "Take the report offline",
			permission = STAFF + " or " + AUTHOR, confirm = "Take this report offline? Readers will no longer see it.",
			permissionMessage = "Only staff or the report's author may retract it")
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

	public String getBody() {
		return this.body;
	}

	public String getAuthorEmail() {
		return this.authorEmail;
	}

	public boolean isAuthorApproved() {
		return this.authorApproved;
	}

	public boolean isAdminApproved() {
		return this.adminApproved;
	}

	public ReportState getState() {
		return this.state;
	}

	public Instant getStateChangedAt() {
		return this.stateChangedAt;
	}

	@Override
	public String toString() {
		return this.title;
	}

}
