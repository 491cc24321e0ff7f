package dev.fsm.engine;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.util.ReflectionUtils;

import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.TransitionCondition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What a condition sees: the entity as root object, {@code #entity}, {@code #source},
 * {@code #target}, the method's named arguments and beans; every evaluation its own
 * variables, and the same answers once Spring compiled the expression.
 */
class SpelConditionUnitTests {

	private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();

	private final SpelGuardCompiler compiler;

	private final Method move = ReflectionUtils.findMethod(Robot.class, "move", int.class, String.class);

	SpelConditionUnitTests() {
		this.beans.registerSingleton("limits", new Limits());
		this.compiler = new SpelGuardCompiler(new GuardEvaluationContexts(new BeanFactoryResolver(this.beans)), null);
	}

	@Test
	void readsTheRootObjectTheVariablesTheArgumentsAndBeans() {
		Robot robot = new Robot("r2");
		assertThat(holds("name == 'r2' && #entity.name == 'r2'", robot, 3, "north")).isTrue();
		assertThat(holds("#source == 'IDLE' && #target == 'MOVING'", robot, 3, "north")).isTrue();
		assertThat(holds("#steps == 3 && #direction == 'north'", robot, 3, "north")).isTrue();
		assertThat(holds("@limits.allows(#entity, #steps)", robot, 3, "north")).isTrue();
		assertThat(holds("@limits.allows(#entity, #steps)", robot, 30, "north")).isFalse();
	}

	@Test
	void aNullArgumentAndAnUnknownVariableAreNull() {
		assertThat(holds("#direction == null && #nothing == null", new Robot("r2"), 1, null)).isTrue();
	}

	@Test
	void theEntityAndTheStatesAreNotShadowedByArgumentsOfTheSameName() {
		Method shadowing = ReflectionUtils.findMethod(Robot.class, "shadow", Object.class, String.class);
		GuardInput input = new GuardInput(new Robot("r2"), shadowing, new Robot("r2"), new Object[] { "arg", "arg" },
				new String[] { "entity", "source" }, "IDLE", "MOVING");
		assertThat(condition("#entity.name == 'r2' && #source == 'IDLE'").holds(input)).isTrue();
	}

	@Test
	void anAssignedVariableIsSeenByTheRestOfTheExpressionAndNotByTheNextEvaluation() {
		TransitionCondition condition = condition("(#seen == null) && (#seen = #steps) == 3 && #seen == 3");
		assertThat(condition.holds(input(new Robot("r2"), 3, "north"))).isTrue();
		assertThat(condition.holds(input(new Robot("r2"), 3, "north"))).isTrue();
	}

	@Test
	void givesTheSameAnswersOnceCompiled() {
		TransitionCondition condition = condition("name != null && #steps < 10");
		for (int i = 0; i < 300; i++) {
			assertThat(condition.holds(input(new Robot("r" + i), i % 20, "north"))).as("round %d", i)
				.isEqualTo(i % 20 < 10);
			assertThat(condition.holds(input(new Robot(null), 1, "north"))).as("round %d", i).isFalse();
		}
	}

	@Test
	void aValueThatIsNoBooleanIsConvertedAsSpelWould() {
		Robot robot = new Robot("r2");
		assertThat(holds("'true'", robot, 1, "north")).isTrue();
		assertThat(holds("'no'", robot, 1, "north")).isFalse();
		assertThat(holds("null", robot, 1, "north")).isFalse();
		assertThatExceptionOfType(SpelEvaluationException.class).isThrownBy(() -> holds("name", robot, 1, "north"))
			.withMessageContaining("Boolean");
	}

	@Test
	void anUnknownPropertyIsSpelsError() {
		assertThatExceptionOfType(SpelEvaluationException.class)
			.isThrownBy(() -> holds("colour == 'red'", new Robot("r2"), 1, "north"))
			.withMessageContaining("'colour' cannot be found");
	}

	private boolean holds(String expression, Robot robot, int steps, @Nullable String direction) {
		return condition(expression).holds(input(robot, steps, direction));
	}

	private TransitionCondition condition(String expression) {
		return this.compiler.condition(expression);
	}

	private GuardInput input(Robot robot, int steps, @Nullable String direction) {
		return new GuardInput(robot, this.move, robot, new Object[] { steps, direction },
				new String[] { "steps", "direction" }, "IDLE", "MOVING");
	}

	public static class Robot {

		private final @Nullable String name;

		Robot(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void move(int steps, @Nullable String direction) {
		}

		public void shadow(Object entity, String source) {
		}

	}

	public static class Limits {

		public boolean allows(Robot robot, int steps) {
			return robot.getName() != null && steps <= 10;
		}

	}

}
