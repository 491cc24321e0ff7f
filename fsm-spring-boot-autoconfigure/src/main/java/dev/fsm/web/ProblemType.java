package dev.fsm.web;

import java.net.URI;

import org.springframework.http.HttpStatus;

import dev.fsm.TransitionRefusal.Reason;

/**
 * The problems the HTTP API answers with (RFC 9457), one {@code type} URI each,
 * documented in the README.
 */
enum ProblemType {

	UNKNOWN_WORKFLOW(HttpStatus.NOT_FOUND, "unknown-workflow", "Unknown workflow"),

	UNKNOWN_ENTITY(HttpStatus.NOT_FOUND, "unknown-entity", "Unknown entity"),

	UNKNOWN_TRANSITION(HttpStatus.NOT_FOUND, "unknown-transition", "Unknown transition"),

	NO_HISTORY(HttpStatus.NOT_FOUND, "no-history", "No audit trail"),

	NOT_ALLOWED(HttpStatus.CONFLICT, "not-allowed", "Transition not allowed in this state"),

	CONFLICT(HttpStatus.CONFLICT, "conflict", "Concurrent modification"),

	LOCKED(HttpStatus.CONFLICT, "locked", "Entity locked by another transaction"),

	UNKNOWN_STATE(HttpStatus.CONFLICT, "unknown-state", "Entity in an unknown state"),

	UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required"),

	DENIED(HttpStatus.FORBIDDEN, "denied", "Transition denied"),

	LIST_DENIED(HttpStatus.FORBIDDEN, "list-denied", "Listing denied"),

	CONDITIONS_FAILED(HttpStatus.UNPROCESSABLE_CONTENT, "conditions-failed", "Conditions not met"),

	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request"),

	INVALID_ARGUMENTS(HttpStatus.BAD_REQUEST, "invalid-arguments", "Invalid arguments"),

	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),

	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Request too large"),

	STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "stale-version", "Entity changed"),

	IF_MATCH_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "If-Match required"),

	TRANSITION_FAILED(HttpStatus.INTERNAL_SERVER_ERROR, "transition-failed", "Transition failed"),

	AUDIT_TRAIL_CONFLICT(HttpStatus.INTERNAL_SERVER_ERROR, "audit-trail-conflict", "Entity behind its audit trail");

	/** The prefix of every problem type URI. */
	static final String PREFIX = "urn:fsm:problem:";

	private final HttpStatus status;

	private final URI type;

	private final String title;

	ProblemType(HttpStatus status, String name, String title) {
		this.status = status;
		this.type = URI.create(PREFIX + name);
		this.title = title;
	}

	/**
	 * The problem a transition's refusal or failure is answered with: the one table of
	 * {@code docs/errors.md}. A failure of the application's code (a body that returned
	 * no target, a state written around a transition, a coroutine that left its caller
	 * behind) is a 500: no client can fix it.
	 */
	static ProblemType of(Reason reason) {
		return switch (reason) {
			case WRONG_STATE -> NOT_ALLOWED;
			case UNKNOWN_TRANSITION -> UNKNOWN_TRANSITION;
			case DENIED -> DENIED;
			case CONDITIONS_FAILED -> CONDITIONS_FAILED;
			case INVALID_ARGUMENTS -> INVALID_ARGUMENTS;
			case UNKNOWN_ENTITY -> UNKNOWN_ENTITY;
			case UNKNOWN_STATE -> UNKNOWN_STATE;
			case VERSION_MISMATCH -> STALE_VERSION;
			case CONFLICT -> CONFLICT;
			case LOCK_TIMEOUT -> LOCKED;
			case AUDIT_TRAIL_CONFLICT -> AUDIT_TRAIL_CONFLICT;
			case GUARD_FAILED, CALLER_LEFT_BEHIND, INVALID_TARGET, ILLEGAL_STATE_CHANGE, FAILED -> TRANSITION_FAILED;
		};
	}

	HttpStatus status() {
		return this.status;
	}

	URI type() {
		return this.type;
	}

	String title() {
		return this.title;
	}

}
