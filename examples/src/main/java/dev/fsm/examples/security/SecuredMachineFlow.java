package dev.fsm.examples.security;

import org.springframework.stereotype.Service;

import dev.fsm.Transition;

/**
 * The transitions of the security sample, on a bean: calling a method fires it. The original's
 * events {@code A} to {@code F} are the methods {@code a} to {@code f}. Every transition needs
 * {@code hasRole('USER')}, the default permission; those that say otherwise need an admin.
 */
@Service
public class SecuredMachineFlow {

	static final String ADMIN = "hasRole('ADMIN')";

	private final SecuredActions actions;

	SecuredMachineFlow(SecuredActions actions) {
		this.actions = actions;
	}

	@Transition(source = "S0", target = "S1")
	public void a(SecuredMachine machine) {
	}

	@Transition(source = "S1", target = "S2")
	public void b(SecuredMachine machine) {
	}

	@Transition(source = { "S2", "S3" }, target = "S0")
	public void c(SecuredMachine machine) {
	}

	/** An internal transition of S0 that any user may fire, whose action only an admin may run. */
	@Transition(source = "S0")
	public void d(SecuredMachine machine) {
		this.actions.adminAction(machine);
	}

	@Transition(source = "S2", target = "S3", permission = ADMIN)
	public void e(SecuredMachine machine) {
	}

	/** An internal transition of S1 that only an admin may fire. */
	@Transition(source = "S1", permission = ADMIN)
	public void f(SecuredMachine machine) {
		this.actions.transitionAction(machine);
	}

}
