package dev.fsm.it;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A manuscript whose transitions declare Bean Validation constraints on their parameters.
 */
@Entity
public class Manuscript {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String title;

	private int pages;

	@ElementCollection
	private List<String> keywords = new ArrayList<>();

	private String coverAuthor;

	private String rejection;

	@StateField(states = { "DRAFT", "SUBMITTED", "REJECTED" })
	private String state = "DRAFT";

	protected Manuscript() {
	}

	public Manuscript(String title) {
		this.title = title;
	}

	@Transition(source = "DRAFT", target = "DRAFT", permission = "hasRole('AUTHOR')")
	public String edit(@NotBlank @Size(max = 20) String title, @Min(1) int pages, List<@NotBlank String> keywords) {
		this.title = title;
		this.pages = pages;
		this.keywords = new ArrayList<>(keywords);
		return "Edited: " + title;
	}

	@Transition(source = "DRAFT", target = "SUBMITTED")
	public void submit(@Valid Cover cover) {
		this.coverAuthor = cover.author();
	}

	/** No constraint: never handed to the validator. */
	@Transition(source = "SUBMITTED", target = "DRAFT")
	public void reopen(String note) {
	}

	void reject(String reason) {
		this.rejection = reason;
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

	public int getPages() {
		return this.pages;
	}

	public List<String> getKeywords() {
		return this.keywords;
	}

	public String getCoverAuthor() {
		return this.coverAuthor;
	}

	public String getRejection() {
		return this.rejection;
	}

	public String getState() {
		return this.state;
	}

	/** The cover letter of a submission, validated in cascade. */
	public record Cover(@NotBlank String author, @Email String contact) {

	}

}
