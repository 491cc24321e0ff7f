package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a form tells people about a parameter of a transition method: its label and a help
 * text. Without it, the label is the parameter's name in words ({@code authorEmail} is
 * "Author email"); the message source overrides both
 * ({@code fsm.<workflow>.transition.<name>.param.<parameter>.label} and {@code .help}).
 *
 * <pre class="code">
 * &#64;Transition(source = "DRAFT", target = "AUTHOR_REVIEW")
 * public void submit(&#64;ParameterInfo(label = "Summary", help = "One sentence for the reviewers") String summary) { }
 * </pre>
 *
 * @since 0.5.0
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ParameterInfo {

	/** The field's label; empty for the parameter's name in words. */
	String label() default "";

	/** A help text shown next to the field; empty for none. */
	String help() default "";

}
