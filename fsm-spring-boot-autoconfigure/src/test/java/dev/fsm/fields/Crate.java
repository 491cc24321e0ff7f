package dev.fsm.fields;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** Package-private fields and no getters: conditions and permissions read the fields. */
@Entity
public class Crate {

	@Id
	@GeneratedValue
	Long id;

	@Version
	Long version;

	String owner;

	int weight;

	@ManyToOne(fetch = FetchType.LAZY)
	Crate parent;

	@StateField(states = { "OPEN", "SEALED", "STACKED" })
	String state = "OPEN";

	protected Crate() {
	}

	Crate(String owner, int weight, Crate parent) {
		this.owner = owner;
		this.weight = weight;
		this.parent = parent;
	}

	@Transition(source = "OPEN", target = "SEALED", permission = "#entity.owner == authentication.name",
			conditions = { "weight > 0", "parent == null or parent.weight >= weight" })
	public void seal() {
	}

	@Transition(source = "SEALED", target = "STACKED", conditions = "#onto.weight >= weight")
	public void stack(Crate onto) {
	}

}
