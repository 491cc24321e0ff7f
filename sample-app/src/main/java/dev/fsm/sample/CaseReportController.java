package dev.fsm.sample;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionException;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.UnknownEntityException;

/**
 * Lists case reports with the transitions the current user may fire, and fires them.
 */
@RestController
@RequestMapping("/reports")
class CaseReportController {

	private final CaseReportRepository reports;

	private final Transitions transitions;

	CaseReportController(CaseReportRepository reports, Transitions transitions) {
		this.reports = reports;
		this.transitions = transitions;
	}

	@GetMapping
	List<Map<String, Object>> list() {
		return this.reports.findAll().stream().map(this::view).toList();
	}

	@GetMapping("/{id}")
	Map<String, Object> show(@PathVariable long id) {
		return view(this.reports.findById(id).orElseThrow());
	}

	/** Loads the report and fires the transition in one transaction, with one read of its row. */
	@PostMapping("/{id}/{transition}")
	Map<String, Object> fire(@PathVariable long id, @PathVariable String transition) {
		TransitionResult<CaseReport> result = this.transitions.fire(EntityRef.of(CaseReport.class, id), transition);
		Map<String, Object> view = new LinkedHashMap<>(view(result.entity()));
		view.put("message", result.value());
		return view;
	}

	@ExceptionHandler(TransitionException.class)
	ProblemDetail refused(TransitionException ex) {
		HttpStatus status = (ex instanceof TransitionDeniedException) ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
		return ProblemDetail.forStatusAndDetail(status, ex.getMessage());
	}

	@ExceptionHandler(UnknownEntityException.class)
	ProblemDetail unknown(UnknownEntityException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(ConcurrentTransitionException.class)
	ProblemDetail conflict(ConcurrentTransitionException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

	private Map<String, Object> view(CaseReport report) {
		List<String> allowed = this.transitions.allowed(report).stream().map(TransitionRoute::name).toList();
		return Map.of("id", report.getId(), "title", report.getTitle(), "author", report.getAuthorEmail(), "state",
				report.getState(), "allowedTransitions", allowed);
	}

}
