package dev.fsm.examples.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.access.annotation.Secured;
import org.springframework.stereotype.Component;

/** The original's two actions: one secured by Spring Security's method security, one not. */
@Component
public class SecuredActions {

	private static final Log logger = LogFactory.getLog(SecuredActions.class);

	/** Refused with an {@code AccessDeniedException} to anybody but an admin. */
	@Secured("ROLE_ADMIN")
	public void adminAction(SecuredMachine machine) {
		logger.info("Executed only for admin role");
		machine.adminActionRan();
	}

	/** Not secured itself: the transition that runs it is. */
	public void transitionAction(SecuredMachine machine) {
		logger.info("Executed only for admin role");
		machine.transitionActionRan();
	}

}
