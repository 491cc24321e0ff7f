package dev.fsm.benchmarks;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** The same columns as {@link Task}, no workflow: what hand-written status code changes. */
@Entity
public class PlainTask {

	@Id
	@GeneratedValue
	Long id;

	@Version
	Long version;

	String state = "TODO";

}
