package dev.fsm.scale;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * An entity that times out: a reminder waiting for an hour expires by itself. The table and its
 * due index ({@code state, changed_at}) are created by {@code schema-postgresql.sql}.
 */
@Entity
@Table(name = "reminder")
public class Reminder {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	Long id;

	@Version
	Long version;

	@StateField(states = { "WAITING", "EXPIRED" })
	String state = "WAITING";

	@StateChangedAt
	@Column(name = "changed_at")
	Instant changedAt;

	@Transition(source = "WAITING", target = "EXPIRED", after = "PT1H")
	public void expire() {
	}

}
