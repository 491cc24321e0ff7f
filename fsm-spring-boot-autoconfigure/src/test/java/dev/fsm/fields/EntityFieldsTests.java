package dev.fsm.fields;

import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conditions and permissions on an entity without getters, with real Hibernate: its own
 * fields, a proxy passed as an argument and a lazy association are read through the
 * entity, never through a proxy's empty fields.
 */
@SpringBootTest(classes = FieldsApplication.class)
class EntityFieldsTests {

	@Autowired
	Transitions transitions;

	@Autowired
	CrateRepository crates;

	@Autowired
	TransactionTemplate transaction;

	@Test
	@WithMockUser("alice")
	void readsTheFieldsOfAnEntityWithoutGetters() {
		long id = this.crates.save(new Crate("alice", 3, null)).id;
		assertThat(this.transitions.fire(EntityRef.of(Crate.class, id), "seal").state()).isEqualTo("SEALED");
		long empty = this.crates.save(new Crate("alice", 0, null)).id;
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Crate.class, empty), "seal"))
			.withMessage("Transition 'seal' is not allowed on Crate#" + empty + " in state 'OPEN': condition not met:"
					+ " weight > 0");
	}

	@Test
	@WithMockUser("bob")
	void aPermissionReadsTheFieldToo() {
		long id = this.crates.save(new Crate("alice", 3, null)).id;
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Crate.class, id), "seal"));
	}

	@Test
	@WithMockUser("alice")
	void readsALazyAssociationThroughTheEntityBehindItsProxy() {
		Crate heavy = this.crates.save(new Crate("alice", 10, null));
		Crate light = this.crates.save(new Crate("alice", 1, null));
		long onHeavy = this.crates.save(new Crate("alice", 5, heavy)).id;
		long onLight = this.crates.save(new Crate("alice", 5, light)).id;
		this.transaction.executeWithoutResult((status) -> {
			Crate crate = this.crates.findById(onHeavy).orElseThrow();
			assertThat(crate.parent).isInstanceOf(HibernateProxy.class);
			assertThat(crate.parent.weight).as("a proxy's own field").isZero();
			this.transitions.fire(crate, "seal");
		});
		assertThatExceptionOfType(TransitionConditionException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Crate.class, onLight), "seal"))
			.withMessage("Transition 'seal' is not allowed on Crate#" + onLight + " in state 'OPEN': condition not met:"
					+ " parent == null or parent.weight >= weight");
	}

	@Test
	@WithMockUser("alice")
	void readsAProxyArgumentThroughTheEntityBehindIt() {
		Crate heavy = this.crates.save(new Crate("alice", 10, null));
		Crate light = this.crates.save(new Crate("alice", 1, null));
		long sealed = this.crates.save(new Crate("alice", 5, null)).id;
		this.transitions.fire(EntityRef.of(Crate.class, sealed), "seal");
		this.transaction.executeWithoutResult((status) -> {
			Crate crate = this.crates.findById(sealed).orElseThrow();
			Crate onto = this.crates.getReferenceById(light.id);
			assertThat(onto).isInstanceOf(HibernateProxy.class);
			assertThatExceptionOfType(TransitionConditionException.class)
				.isThrownBy(() -> this.transitions.fire(crate, "stack", onto));
			status.setRollbackOnly();
		});
		this.transaction.executeWithoutResult((status) -> {
			Crate crate = this.crates.findById(sealed).orElseThrow();
			this.transitions.fire(crate, "stack", this.crates.getReferenceById(heavy.id));
		});
		assertThat(this.crates.findById(sealed).orElseThrow().state).isEqualTo("STACKED");
	}

}
