package dev.fsm;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The words people read about workflows: the labels and descriptions of states and
 * transitions, the question asked before firing, the labels and help texts of parameters,
 * and why a transition is refused. The HTTP API, the console, the diagrams and the
 * Actuator endpoint show them; stable names stay the keys.
 * <p>
 * The auto-configured implementation reads Spring's {@code MessageSource} first (the keys
 * are listed in {@code docs/labels-and-messages.md}, such as
 * {@code fsm.<workflow>.state.<STATE>.label}), in the locale of
 * {@code LocaleContextHolder}, then the annotations ({@link StateInfo},
 * {@link Transition}, {@link Condition}, {@link ParameterInfo}), then the name in words.
 * The default methods here read the annotations and the names only.
 *
 * @since 0.5.0
 */
public interface WorkflowMessages {

	/** The words of the annotations and names alone, without a message source. */
	WorkflowMessages ANNOTATIONS = new WorkflowMessages() {
	};

	/**
	 * The label of {@code state}: declared with {@link StateInfo#label()}, else its name
	 * in words.
	 */
	default String stateLabel(Workflow workflow, String state) {
		String label = workflow.states().contains(state) ? workflow.state(state).label() : null;
		return (label != null) ? label : humanize(state);
	}

	/** The description of {@code state}, {@code null} when none is declared. */
	default @Nullable String stateDescription(Workflow workflow, String state) {
		return workflow.states().contains(state) ? workflow.state(state).description() : null;
	}

	/**
	 * The label of the transition: its {@link Transition#label()}, else its name in
	 * words.
	 */
	default String transitionLabel(TransitionRoute route) {
		return route.label().equals(route.name()) ? humanize(route.name()) : route.label();
	}

	/** The description of the transition, {@code null} when none is declared. */
	default @Nullable String transitionDescription(TransitionRoute route) {
		return route.description().isBlank() ? null : route.description();
	}

	/**
	 * The question to ask before firing the transition, {@code null} to fire without
	 * asking.
	 */
	default @Nullable String confirmation(TransitionRoute route) {
		return route.confirm();
	}

	/**
	 * The label of a parameter's field: its {@link ParameterInfo#label()}, else its name
	 * in words.
	 */
	default String parameterLabel(TransitionRoute route, TransitionParameter parameter) {
		String label = parameter.label();
		return (label != null) ? label : humanize(parameter.name());
	}

	/** The help text of a parameter's field, {@code null} when none is declared. */
	default @Nullable String parameterHelp(TransitionRoute route, TransitionParameter parameter) {
		return parameter.help();
	}

	/**
	 * Why the transition of {@code option} may not be fired on {@code entity}, in words,
	 * never an expression: the permission's message, the messages of the failed
	 * conditions, or the states it starts from; {@code null} when it may be fired.
	 */
	default @Nullable String refusal(TransitionOption option, Object entity) {
		return switch (option.status()) {
			case ALLOWED -> null;
			case WRONG_STATE -> wrongState(option.transition(), null);
			case DENIED -> Sentences.DENIED;
			case CONDITIONS_FAILED -> Sentences.CONDITIONS_FAILED;
			case GUARD_FAILED -> Sentences.GUARD_FAILED;
			case NEEDS_INPUT -> Sentences.NEEDS_INPUT;
		};
	}

	/**
	 * The sentence for a transition fired from a state it does not start from.
	 * @param workflow the workflow, for the states' labels; {@code null} for their names
	 * in words
	 */
	default String wrongState(TransitionRoute route, @Nullable Workflow workflow) {
		List<String> labels = route.sources()
			.stream()
			.map((state) -> (workflow != null) ? stateLabel(workflow, state) : humanize(state))
			.toList();
		if (labels.isEmpty()) {
			return Sentences.NOT_NOW;
		}
		return "Possible only in " + ((labels.size() == 1) ? labels.get(0)
				: String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1))
				+ ".";
	}

	/**
	 * A name in words: {@code authorEmail} is "Author email", {@code AUTHOR_REVIEW}
	 * "Author review", {@code requestChanges} "Request changes"; a word in capitals
	 * within camel case stays so ({@code sendPDF} is "Send PDF").
	 */
	static String humanize(String name) {
		String spaced = name.replace('_', ' ')
			.replace('-', ' ')
			.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
			.replaceAll("(?<=[A-Z])(?=[A-Z][a-z])", " ")
			.trim()
			.replaceAll("\\s+", " ");
		if (spaced.isEmpty()) {
			return name;
		}
		boolean shouting = spaced.equals(spaced.toUpperCase(Locale.ROOT)) && spaced.length() > 1;
		StringBuilder out = new StringBuilder();
		String[] words = spaced.split(" ");
		for (int i = 0; i < words.length; i++) {
			String word = words[i];
			boolean acronym = !shouting && word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT));
			String written = acronym ? word : word.toLowerCase(Locale.ROOT);
			if (i == 0) {
				written = written.substring(0, 1).toUpperCase(Locale.ROOT) + written.substring(1);
			}
			out.append((i > 0) ? " " : "").append(written);
		}
		return out.toString();
	}

	/** The general sentences, when nothing more precise is declared. */
	final class Sentences {

		/** A user the permission refuses. */
		public static final String DENIED = "You may not fire this transition.";

		/** Conditions without a message. */
		public static final String CONDITIONS_FAILED = "Not possible now: its conditions are not met.";

		/** A guard that threw. */
		public static final String GUARD_FAILED = "It could not be checked now; the server's log says why.";

		/** Guards that read the arguments. */
		public static final String NEEDS_INPUT = "Whether it is possible depends on the values you give.";

		/** A transition with no source state, or none known. */
		public static final String NOT_NOW = "Not possible in the current state.";

		private Sentences() {
		}

	}

}
