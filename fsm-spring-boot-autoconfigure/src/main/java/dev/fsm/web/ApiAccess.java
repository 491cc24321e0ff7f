package dev.fsm.web;

/**
 * Who may reach the HTTP API and the console at all ({@code fsm.web.access}).
 * <p>
 * Public because it is the type of the {@code fsm.web.access} property.
 */
public enum ApiAccess {

	/**
	 * Authenticated users of Spring Security only (401 otherwise), each reading what
	 * {@code fsm.web.read-all} and the workflows' read permissions allow. Without Spring
	 * Security the application does not start.
	 */
	AUTHENTICATED,

	/**
	 * Whoever reaches them, reading everything: for an application that protects the API
	 * and the console otherwise (a gateway, a private network). Set it explicitly; it is
	 * never assumed.
	 */
	PERMIT_ALL

}
