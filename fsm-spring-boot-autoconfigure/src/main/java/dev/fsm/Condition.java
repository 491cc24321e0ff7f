package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named condition, declared once on the entity class (or on the class of a flow bean)
 * and used by name in {@link Transition#conditions()}. Its name, not its expression, is
 * what refusals, problem details and tests show, and its message is what users are told
 * when it does not hold:
 *
 * <pre class="code">
 * &#64;Condition(name = "authorApproved", value = "approvedVersion == version",
 *         message = "The author has not approved the latest text of {title}")
 * public class Report {
 *
 *     &#64;Transition(source = "AUTHOR_REVIEW", target = "PROCESSING", conditions = "authorApproved")
 *     public void approve() { }
 * }
 * </pre>
 *
 * The message source may override the message ({@code fsm.<workflow>.condition.<name>} or
 * {@code fsm.condition.<name>}); {@code {property}} in a message reads a property of the
 * entity. The start-up refuses two conditions of one name, a name that is no Java
 * identifier or that is also a property of the entity (a condition {@code "approved"}
 * would be ambiguous), and a message that reads a property the entity does not have.
 *
 * @since 0.5.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(Condition.List.class)
public @interface Condition {

	/** The condition's name, a Java identifier, as transitions refer to it. */
	String name();

	/**
	 * The SpEL expression, evaluated like the expressions of
	 * {@link Transition#conditions()}.
	 */
	String value();

	/** What users are told when it does not hold; empty for a general sentence. */
	String message() default "";

	/**
	 * Container of repeated {@link Condition} declarations.
	 */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@interface List {

		Condition[] value();

	}

}
