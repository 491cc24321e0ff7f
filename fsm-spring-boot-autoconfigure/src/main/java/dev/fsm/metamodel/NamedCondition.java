package dev.fsm.metamodel;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A {@link dev.fsm.Condition} used by a transition: the compiled expression with its name
 * and its message as declared.
 */
record NamedCondition(String name, TransitionCondition compiled,
		@Nullable MessageTemplate message) implements TransitionCondition {

	@Override
	public String expression() {
		return this.compiled.expression();
	}

	@Override
	public boolean holds(GuardInput input) {
		return this.compiled.holds(input);
	}

	@Override
	public Set<String> variables() {
		return this.compiled.variables();
	}

	@Override
	public List<String> unreadable(Class<?> entityType, Set<String> entityVariables) {
		return this.compiled.unreadable(entityType, entityVariables);
	}

}
