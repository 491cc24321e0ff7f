package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
import dev.fsm.IllegalStateChangeException;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionException;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionRefusal;
import dev.fsm.TransitionRefusal.Reason;
import dev.fsm.UnknownEntityException;
import dev.fsm.UnknownStateException;
import dev.fsm.VersionMismatchException;

/**
 * Answers every refusal of the {@link WorkflowApiController} with an RFC 9457 problem:
 * one {@code type} URI per case ({@code urn:fsm:problem:...}; for a transition's refusal,
 * one per {@link Reason}, {@link ProblemType#of(Reason)}), the message of the refusal as
 * {@code detail}, and what a client acts on as properties (the allowed transitions, the
 * argument that does not fit). A denied permission and failed conditions are told in
 * words ({@link RefusalMessages}): their expressions only with
 * {@code fsm.web.include-details}.
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
	 * @param includeDetails whether refusals show the engine's messages and the failed
	 * guards' expressions ({@code fsm.web.include-details}), for operators
	 */
	public WorkflowApiExceptionHandler(boolean includeDetails) {
		this.refusals = new RefusalMessages(includeDetails);
	}

	@ExceptionHandler(WorkflowApiException.class)
	ProblemDetail refused(WorkflowApiException ex) {
		return problem(ex.type(), ex.getMessage(), ex.properties());
	}

	/**
	 * Every refusal and failure of a transition the library names
	 * ({@link TransitionRefusal}): the status and problem type from its {@link Reason}
	 * ({@link ProblemType#of(Reason)}), the detail and properties as
	 * {@link #problem(RuntimeException)} says.
	 */
	@ExceptionHandler({ TransitionException.class, ConcurrentTransitionException.class,
			TransitionLockTimeoutException.class, UnknownEntityException.class, UnknownStateException.class,
			IllegalStateChangeException.class })
	ProblemDetail refusal(RuntimeException ex) {
		return Objects.requireNonNull(problem(ex));
	}

	/**
	 * The problem a refusal of the API or of a transition is answered with, {@code null}
	 * for another exception (a body or listener that threw, a bug: the server's error
	 * page answers). The same for a single transition and for each row of a bulk one. A
	 * denied permission and failed conditions are told in words, invalid arguments with
	 * one error per violation, an entity behind its audit trail without the repair (which
	 * the log gets); every other refusal with its message and the transition.
	 */
	@Nullable ProblemDetail problem(RuntimeException ex) {
		if (ex instanceof WorkflowApiException refused) {
			return refused(refused);
		}
		if (!(ex instanceof TransitionRefusal refusal)) {
			return null;
		}
		ProblemType type = ProblemType.of(refusal.getReason());
		if (ex instanceof TransitionDeniedException denied) {
			return problem(type, this.refusals.denied(denied), Map.of("transition", denied.getTransition()));
		}
		if (ex instanceof TransitionConditionException failed) {
			return problem(type, this.refusals.conditionsFailed(failed), conditions(failed));
		}
		if (ex instanceof InvalidTransitionArgumentsException invalid) {
			return problem(type, invalid.getMessage(),
					Map.of("transition", invalid.getTransition(), "errors", errors(invalid)));
		}
		if (ex instanceof AuditTrailConflictException behind) {
			logger.error(behind.getMessage(), behind);
			return problem(type,
					"Transition '" + behind.getTransition() + "' cannot be recorded: the entity is"
							+ " behind its audit trail, and an operator must repair it (the server's log says how);"
							+ " nothing changed",
					Map.of("transition", behind.getTransition()));
		}
		if (ex instanceof VersionMismatchException stale) {
			return problem(type, stale.getMessage(), Map.of("version", stale.getActualVersion().toString()));
		}
		if (ex instanceof UnknownStateException unknown) {
			return problem(type, unknown.getMessage(), Map.of("workflow", unknown.getWorkflow()));
		}
		String transition = refusal.getTransition();
		return problem(type, refusal.getMessage(), (transition != null) ? Map.of("transition", transition) : Map.of());
	}

	/**
	 * The names of the failed conditions declared with {@code @Condition} as
	 * {@code failedConditions}; their expressions ({@code conditions}) only with
	 * {@code fsm.web.include-details}.
	 */
	private Map<String, Object> conditions(TransitionConditionException ex) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("transition", ex.getTransition());
		properties.put("failedConditions", RefusalMessages.namedConditions(ex));
		if (this.refusals.includeDetails()) {
			properties.put("conditions", ex.getFailedConditions());
		}
		return properties;
	}

	/**
	 * One error per violated constraint: {@code argument} (the parameter, or the path
	 * inside it), {@code message} and {@code constraint}.
	 */
	private static List<Map<String, String>> errors(InvalidTransitionArgumentsException ex) {
		List<Map<String, String>> errors = new ArrayList<>();
		for (ArgumentViolation violation : ex.getViolations()) {
			Map<String, String> error = new LinkedHashMap<>();
			error.put("argument", violation.argument());
			error.put("message", violation.message());
			error.put("constraint", violation.constraint());
			errors.add(error);
		}
		return errors;
	}

	/**
	 * A query parameter that is not of its type: {@code page=abc}, or a page beyond an
	 * int.
	 */
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
