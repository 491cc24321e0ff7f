package dev.fsm.messages;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.expression.EvaluationException;

import dev.fsm.TransitionOption;
import dev.fsm.TransitionParameter;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;
import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.MessageTemplate;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.TransitionCondition;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * The {@link WorkflowMessages} of the auto-configuration: each text from the
 * {@link MessageSource} in the locale of {@link LocaleContextHolder}, the most precise
 * key first ({@code fsm.<workflow>.state.<STATE>.label}, then
 * {@code fsm.state.<STATE>.label}), else as the annotations declare it, else the name in
 * words. Messages of conditions and permissions may read the entity's properties
 * ({@code {title}}); each text is parsed once, on its first use, and kept.
 * <p>
 * Applications use {@link WorkflowMessages}; {@link MessagesConfiguration} creates this.
 */
class MessageSourceWorkflowMessages implements WorkflowMessages {

	private static final Log logger = LogFactory.getLog(MessageSourceWorkflowMessages.class);

	/**
	 * Parsed texts of the message source are kept up to this many; more are parsed each
	 * time.
	 */
	private static final int MAX_TEMPLATES = 1024;

	private final MessageSource messages;

	private final Map<TransitionRoute, RouteModel> routes = new IdentityHashMap<>();

	private final Map<String, Workflow> workflows = new ConcurrentHashMap<>();

	private final Map<String, MessageTemplate> templates = new ConcurrentHashMap<>();

	MessageSourceWorkflowMessages(MessageSource messages, WorkflowRegistry registry) {
		this.messages = messages;
		for (WorkflowModel workflow : registry.workflows()) {
			this.workflows.put(workflow.name(), workflow.view());
			for (TransitionModel transition : workflow.transitions()) {
				for (RouteModel route : transition.routes()) {
					this.routes.put(route.view(), route);
				}
			}
		}
	}

	@Override
	public String stateLabel(Workflow workflow, String state) {
		String text = text("fsm." + workflow.name() + ".state." + state + ".label", "fsm.state." + state + ".label");
		return (text != null) ? text : WorkflowMessages.super.stateLabel(workflow, state);
	}

	@Override
	public @Nullable String stateDescription(Workflow workflow, String state) {
		String text = text("fsm." + workflow.name() + ".state." + state + ".description",
				"fsm.state." + state + ".description");
		return (text != null) ? text : WorkflowMessages.super.stateDescription(workflow, state);
	}

	@Override
	public String transitionLabel(TransitionRoute route) {
		String text = text(transitionKey(route, "label"), "fsm.transition." + route.name() + ".label");
		return (text != null) ? text : WorkflowMessages.super.transitionLabel(route);
	}

	@Override
	public @Nullable String transitionDescription(TransitionRoute route) {
		String text = text(transitionKey(route, "description"), "fsm.transition." + route.name() + ".description");
		return (text != null) ? text : WorkflowMessages.super.transitionDescription(route);
	}

	@Override
	public @Nullable String confirmation(TransitionRoute route) {
		String text = text(transitionKey(route, "confirm"), "fsm.transition." + route.name() + ".confirm");
		return (text != null) ? blankToNull(text) : WorkflowMessages.super.confirmation(route);
	}

	@Override
	public String parameterLabel(TransitionRoute route, TransitionParameter parameter) {
		String text = text(transitionKey(route, "param." + parameter.name() + ".label"),
				"fsm.param." + parameter.name() + ".label");
		return (text != null) ? text : WorkflowMessages.super.parameterLabel(route, parameter);
	}

	@Override
	public @Nullable String parameterHelp(TransitionRoute route, TransitionParameter parameter) {
		String text = text(transitionKey(route, "param." + parameter.name() + ".help"),
				"fsm.param." + parameter.name() + ".help");
		return (text != null) ? blankToNull(text) : WorkflowMessages.super.parameterHelp(route, parameter);
	}

	@Override
	public @Nullable String refusal(TransitionOption option, Object entity) {
		TransitionRoute route = option.transition();
		return switch (option.status()) {
			case ALLOWED -> null;
			case WRONG_STATE -> wrongState(route, this.workflows.get(route.workflow()));
			case DENIED -> denied(route, entity);
			case CONDITIONS_FAILED -> conditionsFailed(route, option.reasons(), entity);
			case GUARD_FAILED -> sentence("fsm.refusal.guard-failed", Sentences.GUARD_FAILED);
			case NEEDS_INPUT -> sentence("fsm.refusal.needs-input", Sentences.NEEDS_INPUT);
		};
	}

	@Override
	public String wrongState(TransitionRoute route, @Nullable Workflow workflow) {
		List<String> labels = new ArrayList<>();
		route.sources()
			.forEach((state) -> labels
				.add((workflow != null) ? stateLabel(workflow, state) : WorkflowMessages.humanize(state)));
		if (labels.isEmpty()) {
			return sentence("fsm.refusal.no-source", Sentences.NOT_NOW);
		}
		String or = sentence("fsm.refusal.or", "or");
		String states = (labels.size() == 1) ? labels.get(0) : String.join(", ", labels.subList(0, labels.size() - 1))
				+ " " + or + " " + labels.get(labels.size() - 1);
		String text = text("fsm.refusal.wrong-state");
		return (text != null) ? text.replace("{states}", states) : "Possible only in " + states + ".";
	}

	/** What a user the permission of {@code route} refuses is told. */
	String denied(TransitionRoute route, Object entity) {
		String text = text(transitionKey(route, "permission"));
		if (text != null) {
			return render(text, entity);
		}
		RouteModel model = this.routes.get(route);
		MessageTemplate declared = (model != null) ? model.permissionMessage() : null;
		return (declared != null) ? render(declared, entity) : sentence("fsm.refusal.denied", Sentences.DENIED);
	}

	/**
	 * What a user is told when the conditions of {@code route} with these expressions do
	 * not hold: each one's message, and the general sentence once for those without.
	 */
	String conditionsFailed(TransitionRoute route, List<String> failedExpressions, Object entity) {
		Set<String> sentences = new LinkedHashSet<>();
		RouteModel model = this.routes.get(route);
		for (String expression : failedExpressions) {
			TransitionCondition condition = (model != null) ? condition(model, expression) : null;
			String message = (condition != null) ? conditionMessage(route, condition, entity) : null;
			sentences.add((message != null) ? message
					: sentence("fsm.refusal.conditions-failed", Sentences.CONDITIONS_FAILED));
		}
		if (sentences.isEmpty()) {
			sentences.add(sentence("fsm.refusal.conditions-failed", Sentences.CONDITIONS_FAILED));
		}
		return String.join(" ", sentences.stream().map(MessageSourceWorkflowMessages::sentence).toList());
	}

	private @Nullable String conditionMessage(TransitionRoute route, TransitionCondition condition, Object entity) {
		if (!condition.isNamed()) {
			return null;
		}
		String text = text("fsm." + route.workflow() + ".condition." + condition.name(),
				"fsm.condition." + condition.name());
		if (text != null) {
			return render(text, entity);
		}
		MessageTemplate declared = condition.message();
		return (declared != null) ? render(declared, entity) : null;
	}

	private static @Nullable TransitionCondition condition(RouteModel route, String expression) {
		for (TransitionCondition condition : route.conditions()) {
			if (condition.expression().equals(expression)) {
				return condition;
			}
		}
		return null;
	}

	private String render(String text, Object entity) {
		MessageTemplate template = this.templates.get(text);
		if (template == null) {
			try {
				template = MessageTemplate.parse(text);
			}
			catch (IllegalArgumentException ex) {
				logger.warn("Message \"" + text + "\" does not parse; shown as written: " + ex.getMessage());
				return text;
			}
			if (this.templates.size() < MAX_TEMPLATES) {
				this.templates.put(text, template);
			}
		}
		return render(template, entity);
	}

	private static String render(MessageTemplate template, Object entity) {
		try {
			return template.render(entity);
		}
		catch (EvaluationException ex) {
			logger.warn("Message \"" + template.text() + "\" cannot read " + entity.getClass().getSimpleName()
					+ "; shown as written: " + ex.getMessage());
			return template.text();
		}
	}

	/** A sentence ends with a full stop, so that several read as several. */
	private static String sentence(String text) {
		return (text.endsWith(".") || text.endsWith("!") || text.endsWith("?")) ? text : text + ".";
	}

	private String sentence(String code, String fallback) {
		String text = text(code);
		return (text != null) ? text : fallback;
	}

	private static String transitionKey(TransitionRoute route, String suffix) {
		return "fsm." + route.workflow() + ".transition." + route.name() + "." + suffix;
	}

	/**
	 * The first text of these keys in the current locale; {@code null} when none has one.
	 */
	private @Nullable String text(String... codes) {
		Locale locale = LocaleContextHolder.getLocale();
		for (String code : codes) {
			String text = this.messages.getMessage(code, null, null, locale);
			// with spring.messages.use-code-as-default-message, a missing text comes back
			// as its key
			if (text != null && !text.equals(code)) {
				return text;
			}
		}
		return null;
	}

	private static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

}
