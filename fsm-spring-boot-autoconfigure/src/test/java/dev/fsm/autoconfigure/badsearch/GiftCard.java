package dev.fsm.autoconfigure.badsearch;

import java.util.List;

import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * Searchable attributes that cannot be searched: one that does not exist, a collection.
 */
@Entity
public class GiftCard {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private String code;

	@ElementCollection
	private List<String> tags;

	@StateField(searchable = { "code", "owner", "tags" })
	private String state = "ISSUED";

	@Transition(source = "ISSUED", target = "REDEEMED")
	public void redeem() {
	}

}
