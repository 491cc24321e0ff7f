package dev.fsm.messages.it;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.Condition;
import dev.fsm.ParameterInfo;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * A memo with words for people: state labels, a transition's label, description and
 * confirmation question, a named condition with its message, a permission with its
 * message, and a parameter's label and help.
 */
@Entity
@Condition(name = "authorApproved", value = "approved",
		message = "The author has not approved the latest text of {title}")
public class Memo {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String title;

	private String author;

	private boolean approved;

	@StateField
	@Enumerated(EnumType.STRING)
	private MemoState state = MemoState.DRAFT;

	protected Memo() {
	}

	public Memo(String title, String author) {
		this.title = title;
		this.author = author;
	}

	@Transition(source = "DRAFT", target = "AUTHOR_REVIEW", label = "Send to the author",
			description = "The author reads it next", permission = "#entity.author == authentication.name",
			permissionMessage = "Only {author} may submit {title}")
	public void submit(@ParameterInfo(label = "Summary", help = "One sentence for the reviewers") String summary,
			String authorEmail) {
	}

	@Transition(source = "AUTHOR_REVIEW", target = "LIVE", conditions = "authorApproved",
			confirm = "Publish this memo to every reader?")
	public void publish() {
	}

	@Transition(source = "AUTHOR_REVIEW", target = "DRAFT", conditions = "title == 'never'")
	public void requestChanges() {
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

	public String getAuthor() {
		return this.author;
	}

	public boolean isApproved() {
		return this.approved;
	}

	public MemoState getState() {
		return this.state;
	}

}
