package dev.fsm.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionEvent;

/**
 * Assertions on the transition events a block of code published, in the order it
 * published them. Each event is written {@code <kind> <transition>}, optionally followed
 * by {@code <source> -> <target>} and {@code by <actor>}, where the kind is {@code pre},
 * {@code post} or {@code failed}: <pre class="code">
 * assertThatEvents(() -&gt; transitions.on(report).submit())
 *     .containsExactly("pre submit", "post submit DRAFT -&gt; ADMIN_REVIEW");
 * </pre> The block may throw (a failed transition still publishes its events); what it
 * threw is part of the failure message.
 *
 * @since 0.2.0
 */
public class TransitionEventsAssert extends AbstractAssert<TransitionEventsAssert, List<TransitionEvent<?>>> {

	private final @Nullable Throwable thrown;

	TransitionEventsAssert(List<TransitionEvent<?>> events, @Nullable Throwable thrown) {
		super(events, TransitionEventsAssert.class);
		this.thrown = thrown;
	}

	/** Verifies that the block published exactly these events, in this order. */
	public TransitionEventsAssert containsExactly(String... events) {
		List<String> expected = Arrays.asList(events);
		boolean matches = expected.size() == this.actual.size();
		for (int i = 0; matches && i < expected.size(); i++) {
			matches = forms(this.actual.get(i)).contains(expected.get(i).strip());
		}
		if (!matches) {
			throw failure("Expected the block to publish the transition events %s, but it published %s%s", expected,
					published(), threw());
		}
		return this;
	}

	/** Verifies that the block published no transition event. */
	public TransitionEventsAssert isEmpty() {
		if (!this.actual.isEmpty()) {
			throw failure("Expected the block to publish no transition events, but it published %s%s", published(),
					threw());
		}
		return this;
	}

	private List<String> published() {
		List<String> published = new ArrayList<>();
		this.actual.forEach((event) -> published.add(forms(event).get(2)));
		return published;
	}

	private String threw() {
		return (this.thrown != null)
				? " and threw " + this.thrown.getClass().getSimpleName() + ": " + this.thrown.getMessage() : "";
	}

	/**
	 * The three ways to write an event: kind and name, with the states, with the actor.
	 */
	static List<String> forms(TransitionEvent<?> event) {
		String kind = (event instanceof PreTransitionEvent) ? "pre"
				: (event instanceof PostTransitionEvent) ? "post" : "failed";
		String named = kind + " " + event.getTransition();
		String target = (event.getTargetState() != null) ? event.getTargetState() : "?";
		String withStates = named + " " + event.getSourceState() + " -> " + target;
		return List.of(named, withStates, withStates + " by " + event.getActor());
	}

}
