package dev.fsm.sample;

import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionException;
import dev.fsm.TransitionHistory;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;

/**
 * The authors' pages: their case reports, a form to write one, and a report's page with the
 * buttons of the transitions they may fire now, the message the last one returned, the history
 * and the diagram. Every button posts the version the page showed, so a page that someone
 * else's transition made stale is refused, and says so.
 */
@Controller
@RequestMapping("/reports")
class ReportPages {

	private static final Log logger = LogFactory.getLog(ReportPages.class);

	static final String EDIT = "edit";

	private final CaseReportRepository reports;

	private final Transitions transitions;

	private final TransitionHistory history;

	private final WorkflowDiagrams diagrams;

	private final ReportProblems problems;

	private final ReportRules rules;

	private final ReportWords words;

	ReportPages(CaseReportRepository reports, Transitions transitions, TransitionHistory history,
			WorkflowDiagrams diagrams, ReportRules rules, ReportWords words) {
		this.words = words;
		this.reports = reports;
		this.transitions = transitions;
		this.history = history;
		this.diagrams = diagrams;
		this.problems = new ReportProblems(transitions);
		this.rules = rules;
	}

	/** The rules of the title and text, for the form's {@code required} and {@code maxlength}. */
	@ModelAttribute("rules")
	ReportRules rules() {
		return this.rules;
	}

	@GetMapping
	String list(Authentication user, Model model) {
		boolean staff = isStaff(user);
		model.addAttribute("reports", staff ? this.reports.findAllByOrderByIdDesc()
				: this.reports.findByAuthorEmailOrderByIdDesc(user.getName()));
		return "reports";
	}

	@GetMapping("/new")
	String create(Model model) {
		model.addAttribute("form", new ReportForm());
		return "report-form";
	}

	/** Saves a new draft if its title and text keep the rules an edit of it would have to keep. */
	@PostMapping
	String create(@ModelAttribute("form") ReportForm form, BindingResult errors, Authentication user,
			RedirectAttributes redirect) {
		CaseReport draft = new CaseReport(form.getTitle(), form.getBody(), user.getName());
		this.rules.check(draft, form, errors);
		if (errors.hasErrors()) {
			return "report-form";
		}
		CaseReport report = this.reports.save(draft);
		redirect.addFlashAttribute("message", "Your draft has been saved. Submit it when it is ready for review.");
		return "redirect:/reports/" + report.getId();
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, Authentication user, Model model) {
		CaseReport report = readable(id, user);
		List<TransitionRoute> allowed = this.transitions.allowed(report);
		model.addAttribute("report", report);
		model.addAttribute("canEdit", allowed.stream().anyMatch((route) -> route.name().equals(EDIT)));
		model.addAttribute("actions", allowed.stream().filter((route) -> !route.name().equals(EDIT)).toList());
		model.addAttribute("history", this.history.of(report).stream().map(this::step).toList());
		model.addAttribute("stateLabel", this.words.label(report.getState()));
		model.addAttribute("diagram", this.diagrams.svg(report));
		return "report";
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Authentication user, Model model) {
		CaseReport report = readable(id, user);
		if (!this.transitions.can(report, EDIT)) {
			throw new AccessDeniedException(
					"CaseReport#" + id + " in state " + report.getState() + " may not be edited by " + user.getName());
		}
		model.addAttribute("report", report);
		model.addAttribute("form", ReportForm.of(report));
		return "report-form";
	}

	/**
	 * Saves the changes through the {@code edit} transition, which checks who may edit now and
	 * the rules of its arguments: a refusal of those shows the form again, each next to its field.
	 */
	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, @ModelAttribute("form") ReportForm form, BindingResult errors,
			Authentication user, Model model, RedirectAttributes redirect) {
		CaseReport report = readable(id, user);
		try {
			return fire(id, form.getVersion(), EDIT, user, redirect, form.getTitle(), form.getBody());
		}
		catch (InvalidTransitionArgumentsException ex) {
			this.rules.reject(ex, errors);
			model.addAttribute("report", report);
			return "report-form";
		}
	}

	@PostMapping("/{id}/transitions/{transition}")
	String fire(@PathVariable long id, @PathVariable String transition, @RequestParam Long version,
			Authentication user, RedirectAttributes redirect) {
		readable(id, user);
		return fire(id, version, transition, user, redirect);
	}

	/**
	 * Loads the report and fires the transition in one transaction if it still has the version
	 * the page showed; a refusal becomes a message on the report's page. The caller checked that
	 * the user may read the report.
	 */
	private String fire(long id, Long version, String transition, Authentication user, RedirectAttributes redirect,
			Object... arguments) {
		try {
			TransitionResult<CaseReport> result = this.transitions
				.fire(EntityRef.of(CaseReport.class, id).ifVersion(version), transition, arguments);
			redirect.addFlashAttribute("message", result.value());
		}
		catch (ConcurrentTransitionException ex) {
			logger.info(ex.getMessage());
			redirect.addFlashAttribute("problem", this.problems.conflict(ex, changedOnlyBy(id, version, user.getName())));
		}
		catch (InvalidTransitionArgumentsException ex) {
			throw ex;
		}
		catch (TransitionException ex) {
			logger.info(ex.getMessage());
			redirect.addFlashAttribute("problem", this.problems.refusal(ex));
		}
		return "redirect:/reports/" + id;
	}

	/**
	 * Whether every change since the page's {@code version} was made by {@code user}: each
	 * transition of a report bumps its version once, so the newest (current version - page
	 * version) rows of its history are the changes the page did not see.
	 */
	private boolean changedOnlyBy(long id, Long version, String user) {
		CaseReport report = this.reports.findById(id).orElse(null);
		if (report == null || report.getVersion() == null || report.getVersion() <= version) {
			return false;
		}
		long newer = report.getVersion() - version;
		List<TransitionRecord> records = this.history.of(report);
		return records.size() >= newer
				&& records.stream().limit(newer).allMatch((record) -> record.actor().equals(user));
	}

	/** One step of the history as the page shows it: labels, and the states it moved between. */
	record Step(String label, @Nullable ReportState from, ReportState to, String actor, Instant at) {

		public boolean moved() {
			return this.from != this.to;
		}

	}

	private Step step(TransitionRecord record) {
		return new Step(this.problems.transitionLabel(record.transition()),
				(record.sourceState() != null) ? ReportState.valueOf(record.sourceState()) : null,
				ReportState.valueOf(record.targetState()), record.actor(), record.occurredAt());
	}

	/**
	 * The report, if this user may see it: its author, or staff. Someone else's report answers as
	 * one that does not exist (404), so that ids cannot be probed, as the workflow API does.
	 */
	private CaseReport readable(long id, Authentication user) {
		CaseReport report = this.reports.findById(id).orElse(null);
		if (report == null || !(isStaff(user) || report.getAuthorEmail().equals(user.getName()))) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no case report #" + id + ".");
		}
		return report;
	}

	static boolean isStaff(Authentication user) {
		return user.getAuthorities().stream().anyMatch((authority) -> "ROLE_STAFF".equals(authority.getAuthority()));
	}

}
