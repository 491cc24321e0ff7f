package dev.fsm.sample;

/**
 * The title and text of a case report, as the create and edit forms post them. Their rules are
 * those of the {@code edit} transition's parameters ({@link ReportRules}), not declared here.
 */
public class ReportForm {

	private String title = "";

	private String body = "";

	private Long version;

	static ReportForm of(CaseReport report) {
		ReportForm form = new ReportForm();
		form.title = report.getTitle();
		form.body = report.getBody();
		form.version = report.getVersion();
		return form;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	/** The version the edit form was rendered with: a stale form is refused. */
	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
