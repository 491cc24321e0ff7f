package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The {@code :#{..}} parameters of a read filter, found in JPQL and evaluated for the
 * user.
 */
class ReadFilterUnitTests {

	private final List<String> compiled = new ArrayList<>();

	@Test
	void eachExpressionBecomesANamedParameterWithItsValue() {
		ReadFilter filter = ReadFilter.compile(
				"e.owner = :#{authentication.name} and (e.team in :#{ {'a', 'b'} } or e.note = '}')", this::compile);
		assertThat(filter.jpql()).isEqualTo("e.owner = :fsmRead0 and (e.team in :fsmRead1 or e.note = '}')");
		assertThat(this.compiled).containsExactly("authentication.name", "{'a', 'b'}");
		assertThat(filter.values())
			.isEqualTo(Map.of("fsmRead0", "value of authentication.name", "fsmRead1", "value of {'a', 'b'}"));
		assertThat(filter.declared()).startsWith("e.owner = :#{authentication.name}");
	}

	@Test
	void aBraceInsideAQuotedStringDoesNotCloseTheExpression() {
		ReadFilter filter = ReadFilter.compile("e.tag = :#{'}' + principal}", this::compile);
		assertThat(filter.jpql()).isEqualTo("e.tag = :fsmRead0");
		assertThat(this.compiled).containsExactly("'}' + principal");
	}

	@Test
	void aFilterWithoutExpressionsIsKeptAsItIs() {
		assertThat(ReadFilter.compile("e.published = true", this::compile).jpql()).isEqualTo("e.published = true");
		assertThat(this.compiled).isEmpty();
	}

	@Test
	void anUnclosedOrEmptyExpressionIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ReadFilter.compile("e.a = :#{x", this::compile))
			.withMessage("the parameter at 6 has no closing '}'");
		assertThatIllegalArgumentException().isThrownBy(() -> ReadFilter.compile("e.a = :#{ }", this::compile))
			.withMessage("the parameter at 6 is empty");
	}

	private UserExpression compile(String expression) {
		this.compiled.add(expression);
		return new UserExpression() {

			@Override
			public String expression() {
				return expression;
			}

			@Override
			public @Nullable Object value() {
				return "value of " + expression;
			}

		};
	}

}
