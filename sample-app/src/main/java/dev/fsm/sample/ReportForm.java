package dev.fsm.sample;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The title and text of a case report, as the create and edit forms post them. */
public class ReportForm {

	@NotBlank(message = "A case report needs a title.")
	@Size(max = 200, message = "Keep the title under 200 characters.")
	private String title = "";

	@Size(max = 20_000, message = "Keep the report under 20,000 characters.")
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
