package dev.fsm.examples.showcase;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.StateGroup;
import dev.fsm.Transition;

/**
 * The showcase machine as an entity. The original's events {@code A} to {@code I} are its
 * transitions {@code a()} to {@code i()}; its extended state variable {@code foo} is a column.
 * <p>
 * Entering a parent state enters its initial substate, down to a leaf: a transition to
 * {@code S0} or {@code S1} goes to {@code S11}, one to {@code S2} or {@code S21} goes to
 * {@code S211}. An event that several nested states accept is taken by the innermost one whose
 * guard holds: each state here starts at most one declaration of a transition, so the
 * declarations below say which one that is.
 */
@Entity
public class Machine {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	@StateField
	@StateGroup(value = "S0", states = { "S1", "S2" })
	@StateGroup(value = "S1", states = { "S11", "S12" })
	@StateGroup(value = "S2", states = "S21")
	@StateGroup(value = "S21", states = { "S211", "S212" })
	@Enumerated(EnumType.STRING)
	private ShowcaseState state = ShowcaseState.S11;

	/** The extended state variable: set to 0 when the machine starts, toggled by H. */
	private int foo;

	/** A: S1 to S1, guarded by foo being 1; leaving and entering S1 lands in S11. */
	@Transition(source = "S1", target = "S11", conditions = "foo == 1")
	public void a() {
	}

	/** B: S1 to S11, and S21 to S211. */
	@Transition(source = "S1", target = "S11")
	@Transition(source = "S21", target = "S211")
	public void b() {
	}

	/** C: S1 to S2 (down to S211), and S2 back to S1 (down to S11). */
	@Transition(source = "S1", target = "S211")
	@Transition(source = "S2", target = "S11")
	public void c() {
	}

	/** D: S1 to S0 (down to S11), and S211 to S21 (down to S211). */
	@Transition(source = "S1", target = "S11")
	@Transition(source = "S211", target = "S211")
	public void d() {
	}

	/** E: S0 to S211. */
	@Transition(source = "S0", target = "S211")
	public void e() {
	}

	/** F: S1 to S211, and S2 to S11. */
	@Transition(source = "S1", target = "S211")
	@Transition(source = "S2", target = "S11")
	public void f() {
	}

	/** G: S11 to S211, and S211 to S0 (down to S11). */
	@Transition(source = "S11", target = "S211")
	@Transition(source = "S211", target = "S11")
	public void g() {
	}

	/**
	 * H, an internal transition: in S1 it does nothing; in S2 it switches foo from 1 to 0, and
	 * when that guard fails, S0's takes it and switches foo from 0 to 1.
	 */
	@Transition(source = "S1")
	@Transition(source = "S2")
	public void h() {
		if (this.state == ShowcaseState.S211 || this.state == ShowcaseState.S212) {
			this.foo = (this.foo == 1) ? 0 : 1;
		}
	}

	/** I: S11 to S12, S211 to S212, and S12 to S212. */
	@Transition(source = "S11", target = "S12")
	@Transition(source = "S211", target = "S212")
	@Transition(source = "S12", target = "S212")
	public void i() {
	}

	public Long getId() {
		return this.id;
	}

	public ShowcaseState getState() {
		return this.state;
	}

	public int getFoo() {
		return this.foo;
	}

}
