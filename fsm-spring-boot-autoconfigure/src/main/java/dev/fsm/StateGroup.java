package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named group of states, such as {@code OPEN} for every state in which an order is not
 * done yet: what a parent state of Spring Statemachine is to its substates. A transition
 * whose {@link Transition#source() source} names the group starts from each of its
 * states; queries ({@link Transitions#isIn(Object, String)},
 * {@link Workflow#group(String)}), the HTTP API, the console and the diagrams show it.
 * <p>
 * Declare it on the {@link StateField} field, with its states:
 *
 * <pre class="code">
 * &#64;StateField
 * &#64;StateGroup(value = "OPEN", states = { "PLACED", "PROCESSING", "SENT" })
 * &#64;Enumerated(EnumType.STRING)
 * OrderState state = OrderState.PLACED;
 * </pre>
 *
 * or, on a state enum, on each constant that belongs to it:
 *
 * <pre class="code">
 * public enum OrderState {
 *     &#64;StateGroup("OPEN") PLACED,
 *     &#64;StateGroup("OPEN") PROCESSING,
 *     DELIVERED
 * }
 * </pre>
 *
 * A group's states may name other groups, which then nest in it. Groups nest or are
 * apart: a state in two groups needs one of them to hold the other, as substates have one
 * parent. The start-up refuses a group with no states, a member that is no state or
 * group, a group named like a state, groups that hold each other, groups that overlap,
 * and a group as a target.
 *
 * @since 0.5.0
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(StateGroup.List.class)
public @interface StateGroup {

	/** The name of the group, unique among the states and groups of the workflow. */
	String value();

	/**
	 * On a state field: the states in the group, and groups nested in it, by name. On an
	 * enum constant, empty: the constant is the state in the group.
	 */
	String[] states() default {};

	/**
	 * Container of repeated {@link StateGroup} declarations.
	 */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		StateGroup[] value();

	}

}
