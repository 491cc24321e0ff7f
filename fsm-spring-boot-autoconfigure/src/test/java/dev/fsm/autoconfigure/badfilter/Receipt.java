package dev.fsm.autoconfigure.badfilter;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * Read filters the database refuses: a property that does not exist, a parameter nothing
 * binds.
 */
@Entity
public class Receipt {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String owner;

	@StateField(readPermission = "#entity.owner == authentication.name",
			readFilter = "e.ownerName = :#{authentication.name}")
	private String state = "OPEN";

	@StateField(name = "Receipt.audit", readPermission = "#entity.owner == authentication.name",
			readFilter = "e.owner = :owner")
	private String audit = "PENDING";

	@Transition(source = "OPEN", target = "FILED", field = "state")
	public void file() {
	}

	@Transition(source = "PENDING", target = "AUDITED", field = "audit")
	public void audit() {
	}

}
