package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a method as a transition of a workflow.
 * <p>
 * On an entity method, the method body holds the side effects on the entity; fire it with
 * {@code transitions.on(entity).method(..)} or {@code transitions.fire(entity, "name")}.
 * On a method of a Spring bean, one parameter is the entity (the "flow class" style) and
 * calling the bean method fires the transition. Calling an entity's transition method
 * directly, not through {@link Transitions}, is a plain Java call: no checks, no state
 * change.
 * <p>
 * Several {@code @Transition} on one method give it several source/target pairs; the one
 * whose {@link #source()} matches the current state applies and the body runs once.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Transition.List.class)
public @interface Transition {

	/** Source wildcard: any state. */
	String ANY = "*";

	/** Source wildcard: any state except the target. */
	String ANY_OTHER = "+";

	/**
	 * The states this transition may start from; {@value #ANY} for any state,
	 * {@value #ANY_OTHER} for any state except the target.
	 */
	String[] source() default ANY;

	/**
	 * The state the transition moves to. Several states make a dynamic target: the method
	 * returns the chosen state (an enum constant, a state name, or an int). Empty: no
	 * state change, the transition only checks its source, conditions and permission.
	 */
	String[] target() default {};

	/**
	 * The state to move to, and keep, when the method body throws. The exception still
	 * reaches the caller.
	 */
	String onError() default "";

	/**
	 * A Spring Security expression evaluated like {@code @PreAuthorize} ({@code hasRole},
	 * {@code authentication}, {@code principal}, {@code @bean.method(..)}) with the
	 * variables {@code #entity}, {@code #source}, {@code #target} and the method's named
	 * parameters.
	 */
	String permission() default "";

	/**
	 * SpEL expressions that must all be {@code true}; the entity is the root object and
	 * {@code #entity}, {@code #source}, {@code #target}, the named parameters and
	 * {@code @beans} are available. A refusal names every condition that failed. An entry
	 * that is the name of a {@link Condition} declared on the entity class (or the flow
	 * bean's class) stands for that condition, with its name and message.
	 */
	String[] conditions() default {};

	/**
	 * The {@link StateField} this transition moves, by field name; needed only when the
	 * entity has several.
	 */
	String field() default "";

	/**
	 * Name of the transition, unique within its workflow. Defaults to the method name.
	 */
	String name() default "";

	/** Human-readable label for user interfaces and diagrams; defaults to the name. */
	String label() default "";

	/** A longer description for user interfaces and the audit trail. */
	String description() default "";

	/**
	 * A question user interfaces ask before firing the transition, such as
	 * {@code "Publish this
	 * report to every reader?"}; empty: fired without asking. The message source may
	 * override it ({@code fsm.<workflow>.transition.<name>.confirm}).
	 * @since 0.5.0
	 */
	String confirm() default "";

	/**
	 * What a user who may not fire the transition is told, such as
	 * {@code "Only the report's
	 * author may submit it"}, instead of the {@link #permission()} expression;
	 * {@code {property}} reads a property of the entity ({@code "Only {authorEmail} may
	 * submit it"}). The message source may override it
	 * ({@code fsm.<workflow>.transition.<name>.permission}).
	 * @since 0.5.0
	 */
	String permissionMessage() default "";

	/** Free-form custom properties for user interfaces, each {@code "key=value"}. */
	String[] properties() default {};

	/**
	 * How this transition guards against concurrent changes; {@link Locking#DEFAULT}
	 * takes the workflow's {@link StateField#lock()}. Stacked declarations of one method
	 * must agree.
	 */
	Locking lock() default Locking.DEFAULT;

	/**
	 * In {@linkplain Locking#PESSIMISTIC pessimistic} mode, how long to wait for the row
	 * lock: a duration such as {@code "2s"}, {@code "500ms"} or {@code "PT2S"};
	 * {@code "0"} fails at once ({@code NOWAIT}). Empty takes the workflow's
	 * {@link StateField#lockTimeout()}.
	 */
	String lockTimeout() default "";

	/**
	 * Declares the transition safe to repeat: when it loses to a concurrent change while
	 * fired by id in its own transaction, it is fired again on a fresh copy, up to this
	 * many times, with a small backoff ({@code fsm.retry.*}). {@code -1} takes the
	 * workflow's {@link StateField#retries()}; never retried unless declared.
	 */
	int retries() default -1;

	/**
	 * Makes this a timed transition: fired by the application itself, as the actor
	 * {@code fsm.timers.actor}, once the entity has been in a source state this long. An
	 * ISO-8601 duration ({@code "P30D"}, {@code "PT15M"}) or a property placeholder that
	 * resolves to one ({@code "${reports.review-timeout:P30D}"}), resolved at start-up. A
	 * timed transition takes no arguments, leaves its source state, and its entity has a
	 * {@link StateChangedAt} attribute. Its conditions and permission still apply: one
	 * that is refused stays due and is tried again at the next poll.
	 * @since 0.3.0
	 */
	String after() default "";

	/**
	 * Container of stacked {@link Transition} declarations.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		Transition[] value();

	}

}
