package dev.fsm.web;

/**
 * How the HTTP API behaves, from the {@code fsm.web} properties.
 * <p>
 * Public because the auto-configuration creates it.
 *
 * @param exposure which transitions the API lists and fires
 * @param requireIfMatch whether firing needs an {@code If-Match} header (428 without one)
 */
public record WorkflowApiSettings(ApiExposure exposure, boolean requireIfMatch) {

}
