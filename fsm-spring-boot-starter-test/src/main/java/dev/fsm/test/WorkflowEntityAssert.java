package dev.fsm.test;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.ClassUtils;

import dev.fsm.TransitionOption;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * Assertions on a workflow entity: the state it is in, and which transitions a user may
 * fire on it now, with the reason in the failure message when the answer is not the
 * expected one. Start with {@link WorkflowAssertions#assertThatEntity(Object)}.
 * <pre class="code">
 * assertThatEntity(report).isIn(ReportState.DRAFT)
 *     .as(user("author@example.com")).canFire("submit").cannotFire("publish");
 * </pre>
 *
 * @since 0.2.0
 */
public class WorkflowEntityAssert extends AbstractAssert<WorkflowEntityAssert, Object> {

	private static final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	private final Transitions transitions;

	private final String description;

	private final String typeName;

	private @Nullable Principal user;

	WorkflowEntityAssert(Object entity, Transitions transitions, String description) {
		super(entity, WorkflowEntityAssert.class);
		this.transitions = transitions;
		this.description = description;
		this.typeName = ClassUtils.getUserClass(EntityDescriptions.unwrap(entity)).getSimpleName();
	}

	/**
	 * Verifies that the entity is in {@code state}, or in one of {@code states}. Unlike
	 * {@link AbstractAssert#isIn(Object...)}, which compares the entity with the values,
	 * this compares its state.
	 * @param states enum constants, state names, or int states
	 */
	@Override
	public WorkflowEntityAssert isIn(Object... states) {
		String state = this.transitions.state(this.actual);
		List<String> expected = names(states);
		if (!expected.contains(state)) {
			String wanted = (expected.size() == 1) ? "state '" + expected.get(0) + "'"
					: "one of the states " + expected;
			throw failure("Expected %s to be in %s, but %s", this.description, wanted, inState(state));
		}
		return this;
	}

	/**
	 * Verifies that the entity is in none of {@code states}; compares its state, like
	 * {@link #isIn(Object...)}.
	 */
	@Override
	public WorkflowEntityAssert isNotIn(Object... states) {
		String state = this.transitions.state(this.actual);
		List<String> unwanted = names(states);
		if (unwanted.contains(state)) {
			if (unwanted.size() == 1) {
				throw failure("Expected %s not to be in state '%s', but it is", this.description, state);
			}
			throw failure("Expected %s not to be in any of the states %s, but it is in state '%s'", this.description,
					unwanted, state);
		}
		return this;
	}

	/**
	 * Verifies that the entity is in one of the states of the {@link dev.fsm.StateGroup
	 * state group} {@code group} of its workflow.
	 * @since 0.5.0
	 */
	public WorkflowEntityAssert isInGroup(String group) {
		String state = this.transitions.state(this.actual);
		Workflow.Group expected = this.transitions.workflow(this.actual.getClass()).group(group);
		if (!expected.contains(state)) {
			throw failure("Expected %s to be in group '%s' %s, but %s", this.description, group, expected.states(),
					inState(state));
		}
		return this;
	}

	/**
	 * Checks the following {@link #canFire} and {@link #cannotFire} for {@code user}
	 * instead of the current user of the test ({@code @WithMockUser}). A Spring Security
	 * {@code Authentication} (such as {@link WorkflowAssertions#user}) keeps its
	 * authorities; any other principal has none.
	 */
	public WorkflowEntityAssert as(Principal user) {
		this.user = user;
		return this;
	}

	/**
	 * {@link #as(Principal)} by a name Kotlin calls without backticks ({@code as} is a
	 * Kotlin keyword):
	 * {@code assertThatEntity(report).asUser(user("staff", "STAFF")).canFire("sendBack")}.
	 * @since 0.2.0
	 */
	public WorkflowEntityAssert asUser(Principal user) {
		return as(user);
	}

	/**
	 * Verifies that the user may fire {@code transition} now: the entity is in one of its
	 * source states, its conditions hold and its permission grants it. A transition whose
	 * guards read the method's arguments passes when everything else does. The failure
	 * message names what refuses it.
	 */
	public WorkflowEntityAssert canFire(String transition) {
		TransitionOption option = option(transition, "to be able to fire");
		if (!option.isPossible()) {
			throw failure("Expected %s to be able to fire '%s' on %s in state '%s', but %s", who(), transition,
					this.description, state(option), reason(option));
		}
		return this;
	}

	/**
	 * Verifies that the user may not fire {@code transition} now, whatever the reason;
	 * the transition must exist.
	 */
	public WorkflowEntityAssert cannotFire(String transition) {
		TransitionOption option = option(transition, "not to be able to fire");
		if (option.status() == TransitionOption.Status.ALLOWED) {
			throw failure("Expected %s not to be able to fire '%s' on %s in state '%s', but it is allowed", who(),
					transition, this.description, state(option));
		}
		if (option.status() == TransitionOption.Status.NEEDS_INPUT) {
			throw failure(
					"Expected %s not to be able to fire '%s' on %s in state '%s', but it is allowed as far as"
							+ " it can be checked without the method's arguments (checked when fired: %s)",
					who(), transition, this.description, state(option), String.join("; ", option.reasons()));
		}
		return this;
	}

	private TransitionOption option(String transition, String expectation) {
		List<TransitionOption> options = (this.user != null)
				? this.transitions.runAs(this.user, () -> this.transitions.options(this.actual))
				: this.transitions.options(this.actual);
		for (TransitionOption option : options) {
			if (option.name().equals(transition)) {
				return option;
			}
		}
		String known = options.stream().map(TransitionOption::name).distinct().collect(Collectors.joining(", "));
		throw failure("Expected %s %s '%s' on %s, but %s has no transition '%s' (transitions: %s)", who(), expectation,
				transition, this.description, this.typeName, transition, known);
	}

	private String reason(TransitionOption option) {
		List<String> reasons = option.reasons();
		return switch (option.status()) {
			case WRONG_STATE -> "'" + option.name() + "' is allowed only from " + String.join(", ", reasons);
			case CONDITIONS_FAILED ->
				((reasons.size() == 1) ? "its condition is not met: " : "its conditions are not met: ")
						+ String.join("; ", reasons);
			case DENIED -> "its permission denies it: " + String.join("; ", reasons);
			case GUARD_FAILED -> "evaluating its guard failed: " + String.join("; ", reasons);
			case NEEDS_INPUT, ALLOWED -> "it is allowed";
		};
	}

	/** The state of the workflow the option belongs to. */
	private @Nullable String state(TransitionOption option) {
		TransitionRoute route = option.transition();
		for (Workflow workflow : this.transitions.workflows()) {
			if (workflow.name().equals(route.workflow())) {
				return this.transitions.state(this.actual, workflow.field());
			}
		}
		return this.transitions.state(this.actual);
	}

	private String who() {
		if (this.user != null) {
			return "'" + this.user.getName() + "'";
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		return trustResolver.isAuthenticated(current) ? "'" + current.getName() + "'" : "anonymous";
	}

	private static String inState(@Nullable String state) {
		return (state != null) ? "it is in state '" + state + "'" : "its state is NULL";
	}

	/** State names of enum constants, names and ints. */
	private static List<String> names(Object... states) {
		List<String> names = new ArrayList<>();
		for (Object state : states) {
			names.add((state instanceof Enum<?> constant) ? constant.name() : String.valueOf(state));
		}
		return names;
	}

	@Override
	public WorkflowEntityAssert isIn(Iterable<?> states) {
		return isIn(toArray(states));
	}

	@Override
	public WorkflowEntityAssert isNotIn(Iterable<?> states) {
		return isNotIn(toArray(states));
	}

	private static Object[] toArray(Iterable<?> states) {
		List<Object> list = new ArrayList<>();
		states.forEach(list::add);
		return list.toArray();
	}

}
