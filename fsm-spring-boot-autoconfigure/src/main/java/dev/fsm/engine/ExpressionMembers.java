package dev.fsm.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.CompoundExpression;
import org.springframework.expression.spel.ast.ConstructorReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.Indexer;
import org.springframework.expression.spel.ast.MethodReference;
import org.springframework.expression.spel.ast.Projection;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.ast.Selection;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;

/**
 * The properties and methods an expression names on its root object or directly on a
 * variable ({@code customer}, {@code isLate()}, {@code #entity.customer},
 * {@code #root.total}), found in its syntax tree, so that the start-up can check that the
 * entity has them. What follows them ({@code customer.name}) and what is evaluated on the
 * elements of a selection or projection is left alone: its type is not known before run
 * time.
 */
final class ExpressionMembers {

	/**
	 * One property or method named on the root object ({@code variable} {@code null}) or
	 * on a variable, as written.
	 *
	 * @param arguments the number of arguments of a method; -1 for a property
	 */
	record Member(@Nullable String variable, String name, int arguments) {

		boolean isMethod() {
			return this.arguments >= 0;
		}

		/** As the expression writes it: {@code customer}, {@code #entity.isLate()}. */
		String written() {
			String prefix = (this.variable != null) ? "#" + this.variable + "." : "";
			return prefix + this.name + (isMethod() ? "(" + ((this.arguments > 0) ? ".." : "") + ")" : "");
		}

	}

	private final boolean rootIsEntity;

	private final Set<Member> found = new LinkedHashSet<>();

	private ExpressionMembers(boolean rootIsEntity) {
		this.rootIsEntity = rootIsEntity;
	}

	/**
	 * @param rootIsEntity whether the root object is the entity (conditions), so that its
	 * bare names are members of the entity; permissions have Spring Security's root
	 * object
	 */
	static List<Member> of(Expression expression, boolean rootIsEntity) {
		if (!(expression instanceof SpelExpression spel)) {
			return List.of();
		}
		ExpressionMembers members = new ExpressionMembers(rootIsEntity);
		members.visit(spel.getAST(), true, true);
		return List.copyOf(members.found);
	}

	/**
	 * @param onRoot whether the node is evaluated on the root object
	 * @param scopeOnRoot whether method arguments and indexes inside it are (not inside a
	 * selection or projection, which evaluate them on each element)
	 */
	private void visit(SpelNode node, boolean onRoot, boolean scopeOnRoot) {
		if (node instanceof CompoundExpression) {
			visitCompound(node, onRoot, scopeOnRoot);
		}
		else if (node instanceof PropertyOrFieldReference property) {
			if (onRoot && this.rootIsEntity) {
				this.found.add(new Member(null, property.getName(), -1));
			}
		}
		else if (node instanceof MethodReference method) {
			if (onRoot && this.rootIsEntity) {
				this.found.add(new Member(null, method.getName(), method.getChildCount()));
			}
			visitChildren(node, scopeOnRoot, scopeOnRoot);
		}
		else if (node instanceof Selection || node instanceof Projection) {
			visitChildren(node, false, false);
		}
		else if (node instanceof Indexer || node instanceof FunctionReference || node instanceof ConstructorReference) {
			visitChildren(node, scopeOnRoot, scopeOnRoot);
		}
		else {
			visitChildren(node, onRoot, scopeOnRoot);
		}
	}

	/**
	 * {@code a.b.c}: only {@code a} is evaluated where the compound is; the rest on what
	 * comes before.
	 */
	private void visitCompound(SpelNode node, boolean onRoot, boolean scopeOnRoot) {
		SpelNode first = node.getChild(0);
		SpelNode second = (node.getChildCount() > 1) ? node.getChild(1) : null;
		String base = (second != null) ? base(first, onRoot) : null;
		int next = 1;
		if (base != null && (second instanceof PropertyOrFieldReference || second instanceof MethodReference)) {
			String variable = base.isEmpty() ? null : base;
			if (second instanceof PropertyOrFieldReference property) {
				this.found.add(new Member(variable, property.getName(), -1));
			}
			else {
				MethodReference method = (MethodReference) second;
				this.found.add(new Member(variable, method.getName(), method.getChildCount()));
				visitChildren(method, scopeOnRoot, scopeOnRoot);
			}
			next = 2;
		}
		else {
			visit(first, onRoot, scopeOnRoot);
		}
		for (int i = next; i < node.getChildCount(); i++) {
			visit(node.getChild(i), false, scopeOnRoot);
		}
	}

	/**
	 * What {@code node} stands for when it is the start of a compound: {@code ""} for the
	 * root object when it is the entity, the variable's name for a variable, {@code null}
	 * otherwise.
	 */
	private @Nullable String base(SpelNode node, boolean onRoot) {
		if (!(node instanceof VariableReference)) {
			return null;
		}
		String name = node.toStringAST().substring(1);
		if (name.equals("root") || (name.equals("this") && onRoot)) {
			return this.rootIsEntity ? "" : null;
		}
		return name.equals("this") ? null : name;
	}

	private void visitChildren(SpelNode node, boolean onRoot, boolean scopeOnRoot) {
		for (int i = 0; i < node.getChildCount(); i++) {
			visit(node.getChild(i), onRoot, scopeOnRoot);
		}
	}

}
