package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What people and operators are told about one state: its label and description, and
 * after how long an entity that is still in it counts as stuck (the console marks it, the
 * metrics count it). Every attribute is optional.
 * <p>
 * On a state enum, on the constant:
 *
 * <pre class="code">
 * public enum ReportState {
 *     DRAFT,
 *     &#64;StateInfo(label = "Author review", stuckAfter = "3d") AUTHOR_REVIEW,
 *     LIVE
 * }
 * </pre>
 *
 * or, for a {@code String} or {@code int} state, on the {@link StateField} field, naming
 * the state:
 *
 * <pre class="code">
 * &#64;StateField(states = { "NEW", "PAID" })
 * &#64;StateInfo(value = "NEW", label = "Waiting for payment", stuckAfter = "PT12H")
 * String status = "NEW";
 * </pre>
 *
 * The start-up refuses a declaration for a state the workflow does not have, two
 * declarations for one state and a {@link #stuckAfter()} that is no positive duration.
 *
 * @since 0.5.0
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(StateInfo.List.class)
public @interface StateInfo {

	/**
	 * On a state field: the state described. On an enum constant, empty: the constant is
	 * the state.
	 */
	String value() default "";

	/**
	 * The state's name for people, such as {@code "Author review"}; empty for a default.
	 */
	String label() default "";

	/** One or two sentences on what the state means; empty for none. */
	String description() default "";

	/**
	 * How long an entity may stay in this state before it counts as stuck: {@code "3d"},
	 * {@code "12h"}, {@code "PT30M"}, or a {@code ${..}} placeholder. Empty takes the
	 * workflow's {@link StateField#stuckAfter()}.
	 */
	String stuckAfter() default "";

	/**
	 * Container of repeated {@link StateInfo} declarations.
	 */
	@Target(ElementType.FIELD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		StateInfo[] value();

	}

}
