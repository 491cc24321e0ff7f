package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import dev.fsm.ArgumentViolation;
import dev.fsm.AuditTrailConflictException;
import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.IllegalStateChangeException;
import dev.fsm.InvalidTargetStateException;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionException;
import dev.fsm.UnknownEntityException;
import dev.fsm.UnknownStateException;
import dev.fsm.VersionMismatchException;

/**
 * Answers every refusal of the {@link WorkflowApiController} with an RFC 9457 problem: one
 * {@code type} URI per case ({@code urn:fsm:problem:...}), the message of the refusal as
 * {@code detail}, and what a client acts on as properties (the allowed transitions, the argument
 * that does not fit). A denied permission and failed conditions are told in words
 * ({@link RefusalMessages}): their expressions only with {@code fsm.web.include-details}.
 * <p>
 * Public because the auto-configuration creates it.
 */
@RestControllerAdvice(assignableTypes = WorkflowApiController.class)
public class WorkflowApiExceptionHandler {

	private static final Log logger = LogFactory.getLog(WorkflowApiExceptionHandler.class);

	private final RefusalMessages refusals;

	/** Problems in words, without the guards' expressions. */
	public WorkflowApiExceptionHandler() {
		this(false);
	}

	/**
	 * @param includeDetails whether refusals show the engine's messages and the failed guards'
	 * expressions ({@code fsm.web.include-details}), for operators
	 */
	public WorkflowApiExceptionHandler(boolean includeDetails) {
		this.refusals = new RefusalMessages(includeDetails);
	}

	@ExceptionHandler(WorkflowApiException.class)
	ProblemDetail refused(WorkflowApiException ex) {
		return problem(ex.type(), ex.getMessage(), ex.properties());
	}

	@ExceptionHandler(TransitionDeniedException.class)
	ProblemDetail denied(TransitionDeniedException ex) {
		return problem(ProblemType.DENIED, this.refusals.denied(ex), Map.of("transition", ex.getTransition()));
	}

	/**
	 * The failed conditions' messages as {@code detail}, the names of those declared with
	 * {@code @Condition} as {@code failedConditions}; their expressions ({@code conditions}) only
	 * with {@code fsm.web.include-details}.
	 */
	@ExceptionHandler(TransitionConditionException.class)
	ProblemDetail conditionsFailed(TransitionConditionException ex) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("transition", ex.getTransition());
		properties.put("failedConditions", RefusalMessages.namedConditions(ex));
		if (this.refusals.includeDetails()) {
			properties.put("conditions", ex.getFailedConditions());
		}
		return problem(ProblemType.CONDITIONS_FAILED, this.refusals.conditionsFailed(ex), properties);
	}

	/**
	 * The arguments break the constraints of the transition's parameters: one error per
	 * violation, {@code argument} (the parameter, or the path inside it) and {@code message}.
	 */
	@ExceptionHandler(InvalidTransitionArgumentsException.class)
	ProblemDetail invalidArguments(InvalidTransitionArgumentsException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ArgumentViolation violation : ex.getViolations()) {
			Map<String, String> error = new LinkedHashMap<>();
			error.put("argument", violation.argument());
			error.put("message", violation.message());
			error.put("constraint", violation.constraint());
			errors.add(error);
		}
		return problem(ProblemType.INVALID_ARGUMENTS, ex.getMessage(),
				Map.of("transition", ex.getTransition(), "errors", errors));
	}

	/** The body returned a state its transition does not declare: a bug of the application. */
	@ExceptionHandler(InvalidTargetStateException.class)
	ProblemDetail invalidTarget(InvalidTargetStateException ex) {
		return problem(ProblemType.TRANSITION_FAILED, ex.getMessage(), Map.of("transition", ex.getTransition()));
	}

	/**
	 * The entity is behind its audit trail: no client can fix that, an operator must. The
	 * client learns which entity and transition; the log has the whole story and the repair.
	 */
	@ExceptionHandler(AuditTrailConflictException.class)
	ProblemDetail auditTrailConflict(AuditTrailConflictException ex) {
		logger.error(ex.getMessage(), ex);
		return problem(ProblemType.AUDIT_TRAIL_CONFLICT, "Transition '" + ex.getTransition() + "' cannot be recorded:"
				+ " the entity is behind its audit trail, and an operator must repair it (the server's log says how);"
				+ " nothing changed", Map.of("transition", ex.getTransition()));
	}

	@ExceptionHandler(TransitionException.class)
	ProblemDetail notAllowed(TransitionException ex) {
		return problem(ProblemType.NOT_ALLOWED, ex.getMessage(), Map.of("transition", ex.getTransition()));
	}

	@ExceptionHandler(VersionMismatchException.class)
	ProblemDetail stale(VersionMismatchException ex) {
		return problem(ProblemType.STALE_VERSION, ex.getMessage(),
				Map.of("version", ex.getActualVersion().toString()));
	}

	@ExceptionHandler(ConcurrentTransitionException.class)
	ProblemDetail conflict(ConcurrentTransitionException ex) {
		return problem(ProblemType.CONFLICT, ex.getMessage(), Map.of("transition", ex.getTransition()));
	}

	@ExceptionHandler(TransitionLockTimeoutException.class)
	ProblemDetail locked(TransitionLockTimeoutException ex) {
		return problem(ProblemType.LOCKED, ex.getMessage(), Map.of("transition", ex.getTransition()));
	}

	@ExceptionHandler(UnknownEntityException.class)
	ProblemDetail unknownEntity(UnknownEntityException ex) {
		return problem(ProblemType.UNKNOWN_ENTITY, ex.getMessage(), Map.of());
	}

	@ExceptionHandler(UnknownStateException.class)
	ProblemDetail unknownState(UnknownStateException ex) {
		return problem(ProblemType.UNKNOWN_STATE, ex.getMessage(), Map.of("workflow", ex.getWorkflow()));
	}

	@ExceptionHandler(IllegalStateChangeException.class)
	ProblemDetail illegalStateChange(IllegalStateChangeException ex) {
		return problem(ProblemType.TRANSITION_FAILED, ex.getMessage(), Map.of());
	}

	/** A query parameter that is not of its type: {@code page=abc}, or a page beyond an int. */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail mismatch(MethodArgumentTypeMismatchException ex) {
		return problem(ProblemType.BAD_REQUEST, "'" + ex.getValue() + "' is not a valid " + ex.getName(),
				Map.of("parameter", ex.getName()));
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail malformed(HttpMessageNotReadableException ex) {
		return problem(ProblemType.BAD_REQUEST, ArgumentBinder.NOT_AN_OBJECT, Map.of());
	}

	private static ProblemDetail problem(ProblemType type, @Nullable String detail, Map<String, ?> properties) {
		HttpStatus status = type.status();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.type());
		problem.setTitle(type.title());
		properties.forEach(problem::setProperty);
		return problem;
	}

}
