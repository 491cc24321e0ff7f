package dev.fsm.web;

/**
 * Which transitions the HTTP API offers, django-fsm-admin's
 * {@code FSM_ADMIN_FORCE_PERMIT}.
 * <p>
 * Public because it is the type of the {@code fsm.web.exposure} property.
 */
public enum ApiExposure {

	/** Every transition of every workflow. */
	ALL,

	/**
	 * Only transitions with the custom property {@value #PROPERTY}{@code =true}
	 * ({@code @Transition(properties = "api=true")}), and only the workflows that have
	 * one.
	 */
	ANNOTATED;

	/** The custom property that marks a transition for the API. */
	public static final String PROPERTY = "api";

}
