package dev.fsm;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What a diagram of one entity emphasises: its current state and the transitions its user
 * may fire from there.
 *
 * <pre class="code">
 * Highlight highlight = Highlight.of(report.getState().name(), Set.of("publish", "sendBack"));
 * Highlight same = Highlight.allowed(report.getState().name(), transitions.allowed(report));
 * </pre>
 *
 * @param currentState the state to highlight, or {@code null} for none
 * @param transitions the names of the transitions to emphasise; only their edges leaving
 * the current state are emphasised (all their edges when there is no current state)
 * @since 0.1.0
 */
public record Highlight(@Nullable String currentState, Set<String> transitions) {

	private static final Highlight NONE = new Highlight(null, Set.of());

	public Highlight {
		transitions = Set.copyOf(transitions);
	}

	/** Nothing highlighted: the plain workflow diagram. */
	public static Highlight none() {
		return NONE;
	}

	/**
	 * Highlights {@code currentState} and emphasises the transitions with these names.
	 */
	public static Highlight of(@Nullable String currentState, Collection<String> transitionNames) {
		return new Highlight(currentState, new LinkedHashSet<>(transitionNames));
	}

	/**
	 * Highlights {@code currentState} and emphasises the given transitions, typically
	 * {@code transitions.allowed(entity)}.
	 */
	public static Highlight allowed(@Nullable String currentState, Collection<TransitionRoute> allowed) {
		Set<String> names = new LinkedHashSet<>();
		allowed.forEach((transition) -> names.add(transition.name()));
		return new Highlight(currentState, names);
	}

	/** Whether anything is highlighted. */
	public boolean isActive() {
		return this.currentState != null || !this.transitions.isEmpty();
	}

}
