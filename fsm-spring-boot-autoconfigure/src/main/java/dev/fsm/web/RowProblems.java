package dev.fsm.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ProblemDetail;

/**
 * The result of one row of a bulk transition that was refused or failed: the problem the
 * {@link WorkflowApiExceptionHandler} answers the same refusal of a single transition
 * with, so that a row reads exactly as that answer would (status, type, title, detail and
 * properties): {@link WorkflowApiExceptionHandler#problem(RuntimeException)}. A failure
 * that is no refusal (the body or a listener threw) is logged and told without its
 * message, as the server's error page would.
 */
final class RowProblems {

	private static final Log logger = LogFactory.getLog(RowProblems.class);

	private final WorkflowApiExceptionHandler handler;

	RowProblems(WorkflowApiExceptionHandler handler) {
		this.handler = handler;
	}

	/**
	 * The row's {@code outcome} ({@code REFUSED} for a 4xx, {@code FAILED} otherwise) and
	 * its problem.
	 */
	Map<String, @Nullable Object> of(String id, RuntimeException ex) {
		ProblemDetail problem = problem(ex);
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("outcome", (problem.getStatus() >= 400 && problem.getStatus() < 500) ? "REFUSED" : "FAILED");
		row.put("status", problem.getStatus());
		row.put("type", String.valueOf(problem.getType()));
		row.put("title", problem.getTitle());
		row.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(row::putIfAbsent);
		}
		return row;
	}

	private ProblemDetail problem(RuntimeException ex) {
		ProblemDetail answer = this.handler.problem(ex);
		if (answer != null) {
			return answer;
		}
		logger.error("A transition of a bulk request failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ProblemType.TRANSITION_FAILED.status(),
				"The transition failed; the server's log says why. Nothing of it was saved.");
		problem.setType(ProblemType.TRANSITION_FAILED.type());
		problem.setTitle(ProblemType.TRANSITION_FAILED.title());
		return problem;
	}

}
