package dev.fsm.autoconfigure;

/**
 * The HTTP API or the console is on, Spring Security is not on the class path, and nobody
 * said that whoever reaches them may read and fire everything
 * ({@code fsm.web.access=permit-all}). Thrown at start-up, so that no door opens by
 * accident.
 */
class UnprotectedWorkflowApiException extends IllegalStateException {

	static final String DESCRIPTION = "The workflow HTTP API (fsm.web.enabled) or console (fsm.console.enabled) is on,"
			+ " but Spring Security is not on the class path: nobody would be asked who they are, and whoever reaches"
			+ " the application could read every entity of every workflow and fire every transition.";

	static final String ACTION = "Add spring-boot-starter-security: every request of the API and the console then"
			+ " needs an authenticated user, and fsm.web.read-all and @StateField(readPermission, readFilter) decide"
			+ " what each may read (see docs/security.md). If the API and the console are protected otherwise (a"
			+ " gateway, a private network), set fsm.web.access=permit-all to serve them to whoever reaches them.";

	UnprotectedWorkflowApiException() {
		super(DESCRIPTION + " " + ACTION);
	}

}
