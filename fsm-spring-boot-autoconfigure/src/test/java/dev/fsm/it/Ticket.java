package dev.fsm.it;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** String states, declared; dynamic targets, stacked declarations, wildcards. */
@Entity
public class Ticket {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String assignee;

	@StateField(states = { "OPEN", "ASSIGNED", "DEFERRED", "CLOSED" })
	private String status = "OPEN";

	protected Ticket() {
	}

	public Ticket(String assignee) {
		this.assignee = assignee;
	}

	@Transition(source = "OPEN", target = { "ASSIGNED", "DEFERRED" })
	public String triage(boolean urgent) {
		return urgent ? "ASSIGNED" : "DEFERRED";
	}

	@Transition(source = "OPEN", target = { "ASSIGNED", "DEFERRED" }, name = "misroute")
	public Object misroute(Object answer) {
		return answer;
	}

	@Transition(source = "OPEN", target = "CLOSED")
	@Transition(source = "ASSIGNED", target = "CLOSED", permission = "hasRole('ADMIN')")
	public void close() {
	}

	@Transition(source = "OPEN", target = "ASSIGNED")
	public void assign(String who) {
		this.assignee = who;
		if (who.isBlank()) {
			throw new IllegalArgumentException("nobody to assign");
		}
	}

	@Transition(source = "+", target = "OPEN")
	public void reopen() {
	}

	@Transition(source = "*")
	public void inspect() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getStatus() {
		return this.status;
	}

	public String getAssignee() {
		return this.assignee;
	}

}
