package dev.fsm.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;

/**
 * Assertions on how an attempt to fire a transition ended: it succeeded, or it was
 * refused because of the permission, a condition, or the state. The attempt runs once,
 * when {@link WorkflowAssertions#assertThatTransition} is called; the failure message
 * shows what it did instead. <pre class="code">
 * assertThatTransition(() -&gt; transitions.on(report).publish()).failsCondition("authorApproved");
 * </pre>
 *
 * @since 0.2.0
 */
public class TransitionAssert extends AbstractAssert<TransitionAssert, Object> {

	private final @Nullable Throwable thrown;

	/**
	 * @param thrown what the transition threw, {@code null} when it succeeded
	 */
	TransitionAssert(@Nullable Throwable thrown) {
		super(thrown, TransitionAssert.class);
		this.thrown = thrown;
	}

	/** Verifies that the transition ran without throwing. */
	public TransitionAssert succeeds() {
		if (this.thrown != null) {
			throw failure("Expected the transition to succeed, but it threw %s", describe(this.thrown));
		}
		return this;
	}

	/**
	 * Verifies that the permission refused the transition
	 * ({@code TransitionDeniedException}).
	 */
	public TransitionAssert isDenied() {
		refusal(TransitionDeniedException.class, "to be denied");
		return this;
	}

	/**
	 * Verifies that the permission refused the transition to the user named
	 * {@code actor}.
	 */
	public TransitionAssert isDeniedFor(String actor) {
		String expectation = "to be denied to '" + actor + "'";
		TransitionDeniedException denied = refusal(TransitionDeniedException.class, expectation);
		if (!denied.getActor().equals(actor)) {
			throw failure("Expected the transition %s, but it was denied to '%s': %s", expectation, denied.getActor(),
					denied.getMessage());
		}
		return this;
	}

	/**
	 * Verifies that the transition was refused because these conditions (the expressions,
	 * as declared, or the names of {@link dev.fsm.Condition} declarations) did not hold;
	 * others may have failed too.
	 */
	public TransitionAssert failsCondition(String... conditions) {
		List<String> expected = Arrays.asList(conditions);
		String expectation = (expected.size() == 1) ? "to fail the condition '" + expected.get(0) + "'"
				: "to fail the conditions " + expected;
		TransitionConditionException refused = refusal(TransitionConditionException.class, expectation);
		List<String> missing = new ArrayList<>(expected);
		missing.removeAll(refused.getFailedConditions());
		missing.removeAll(refused.getFailedConditionNames());
		if (!missing.isEmpty()) {
			throw failure("Expected the transition %s, but the conditions that failed are %s: %s", expectation,
					refused.getFailedConditionNames(), refused.getMessage());
		}
		return this;
	}

	/**
	 * Verifies that the transition was refused because the entity was in {@code state},
	 * which is not one of its source states.
	 * @param state an enum constant, a state name, or an int state
	 */
	public TransitionAssert isNotAllowedFrom(Object state) {
		String name = (state instanceof Enum<?> constant) ? constant.name() : String.valueOf(state);
		String expectation = "not to be allowed from state '" + name + "'";
		TransitionNotAllowedException refused = refusal(TransitionNotAllowedException.class, expectation);
		String current = refused.getCurrentState();
		if (!name.equals(current)) {
			throw failure("Expected the transition %s, but it was refused in state '%s': %s", expectation, current,
					refused.getMessage());
		}
		return this;
	}

	private <T extends Throwable> T refusal(Class<T> type, String expectation) {
		if (this.thrown == null) {
			throw failure("Expected the transition %s, but it succeeded", expectation);
		}
		if (!type.isInstance(this.thrown)) {
			throw failure("Expected the transition %s, but it threw %s", expectation, describe(this.thrown));
		}
		return type.cast(this.thrown);
	}

	private static String describe(Throwable thrown) {
		return thrown.getClass().getSimpleName() + ": " + thrown.getMessage();
	}

}
