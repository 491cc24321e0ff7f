package dev.fsm.metamodel;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.common.CompositeStringExpression;
import org.springframework.expression.common.LiteralExpression;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * A message for people with the entity's properties in braces: {@code "Only {authorEmail}
 * may submit it"}, {@code "{title} has no reviewer"}, {@code {author.name}} for a nested
 * property. Parsed once; rendering reads the properties through their getters only (no
 * method calls, no types, no beans), with {@code null} shown as nothing.
 * <p>
 * Public because the messages of the HTTP API and the engine's refusals render it.
 */
public final class MessageTemplate {

	private static final SpelExpressionParser PARSER = new SpelExpressionParser();

	private static final TemplateParserContext BRACES = new TemplateParserContext("{", "}");

	private final String text;

	private final Expression expression;

	private MessageTemplate(String text, Expression expression) {
		this.text = text;
		this.expression = expression;
	}

	/**
	 * Parses {@code text}.
	 * @throws IllegalArgumentException when a placeholder does not parse, or a brace is
	 * not closed
	 */
	public static MessageTemplate parse(String text) {
		if (text.indexOf('{') < 0) {
			return new MessageTemplate(text, new LiteralExpression(text));
		}
		try {
			return new MessageTemplate(text, PARSER.parseExpression(text, BRACES));
		}
		catch (ParseException | IllegalStateException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/**
	 * {@code text} parsed and checked against {@code entityType} at start-up, each
	 * problem collected as {@code what "text" that ..}; {@code null} when empty or it
	 * does not parse.
	 * @param what names the declaration, such as
	 * {@code Transition 'x' of workflow 'y' has permissionMessage}
	 */
	static @Nullable MessageTemplate declared(String text, String what, Class<?> entityType, List<String> problems) {
		if (text.isBlank()) {
			return null;
		}
		try {
			MessageTemplate template = parse(text.trim());
			for (String unreadable : template.unreadable(entityType)) {
				problems.add(what + " \"" + text + "\" that " + unreadable);
			}
			return template;
		}
		catch (IllegalArgumentException ex) {
			problems.add(what + " \"" + text + "\" that does not parse: " + ex.getMessage());
			return null;
		}
	}

	/** The message as written. */
	public String text() {
		return this.text;
	}

	/** Whether the message reads no property. */
	public boolean isLiteral() {
		return this.expression instanceof LiteralExpression;
	}

	/**
	 * The message with the properties of {@code entity}.
	 * @throws EvaluationException when a property cannot be read
	 */
	public String render(Object entity) {
		if (isLiteral()) {
			return this.text;
		}
		EvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
		StringBuilder out = new StringBuilder();
		for (Expression part : parts()) {
			Object value = part.getValue(context, entity);
			out.append((value != null) ? value : "");
		}
		return out.toString();
	}

	/**
	 * What the message reads that {@code entityType} has no getter for, one phrase each
	 * ({@code "reads 'autor', which Report has no getter for"}); empty when all can be
	 * read.
	 */
	public List<String> unreadable(Class<?> entityType) {
		List<String> problems = new ArrayList<>();
		for (Expression part : parts()) {
			String property = (part instanceof SpelExpression spel) ? rootProperty(spel.getAST()) : null;
			if (property != null && !isReadable(entityType, property)) {
				problems.add("reads '" + property + "', which " + entityType.getSimpleName() + " has no getter for");
			}
		}
		return problems;
	}

	private List<Expression> parts() {
		return (this.expression instanceof CompositeStringExpression composite) ? List.of(composite.getExpressions())
				: List.of(this.expression);
	}

	private static @Nullable String rootProperty(SpelNode node) {
		SpelNode first = (node instanceof CompoundExpression) ? node.getChild(0) : node;
		return (first instanceof PropertyOrFieldReference property) ? property.getName() : null;
	}

	private static boolean isReadable(Class<?> type, String property) {
		PropertyDescriptor descriptor = BeanUtils.getPropertyDescriptor(type, property);
		return descriptor != null && descriptor.getReadMethod() != null;
	}

	@Override
	public String toString() {
		return this.text;
	}

}
