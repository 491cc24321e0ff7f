package dev.fsm.audit.scan;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** An application entity in a package of its own, for tests of {@code @EntityScan}. */
@Entity
public class Bookmark {

	@Id
	@GeneratedValue
	private Long id;

}
