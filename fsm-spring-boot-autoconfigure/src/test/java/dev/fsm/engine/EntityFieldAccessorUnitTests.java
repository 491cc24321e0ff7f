package dev.fsm.engine;

import java.io.Serializable;
import java.lang.reflect.Method;
import java.util.function.UnaryOperator;

import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.expression.Expression;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.util.ReflectionUtils;

import dev.fsm.StateField;
import dev.fsm.metamodel.GuardInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Conditions and permissions read the fields of a workflow entity that has no getters for
 * them, as the README's example declares it: getters first, as in Spring; never a proxy's
 * empty fields; read only; the same answers once Spring compiled the expression.
 */
class EntityFieldAccessorUnitTests {

	private static final SpelExpressionParser IMMEDIATE = new SpelExpressionParser(new SpelParserConfiguration(
			SpelCompilerMode.IMMEDIATE, EntityFieldAccessorUnitTests.class.getClassLoader()));

	private final Method ship = ReflectionUtils.findMethod(Parcel.class, "ship", Object.class);

	private final GuardEvaluationContexts contexts = contexts((object) -> (object instanceof ParcelProxy proxy)
			? proxy.getHibernateLazyInitializer().getImplementation() : object);

	private final SpelGuardCompiler compiler = new SpelGuardCompiler(this.contexts, null);

	@Test
	void readsFieldsThatHaveNoGetter() {
		Parcel parcel = new Parcel("alice", 4, false);
		assertThat(holds("customer == 'alice' && weight > 3 && !fragile && status.name() == 'PACKED'", parcel))
			.isTrue();
		assertThat(holds("#entity.customer == 'bob'", parcel)).isFalse();
		assertThat(holds("customer == null", new Parcel(null, 0, true))).isTrue();
	}

	@Test
	void aGetterWinsOverTheField() {
		assertThat(holds("label == 'label of alice'", new Parcel("alice", 1, false))).isTrue();
	}

	@Test
	void readsNoFieldOfObjectsThatAreNoWorkflowEntity() {
		Parcel parcel = new Parcel("alice", 1, false);
		assertThatExceptionOfType(SpelEvaluationException.class)
			.isThrownBy(() -> this.compiler.condition("#other.secret != null").holds(input(parcel, new NoWorkflow())))
			.withMessageContaining("'secret' cannot be found on object of type '" + NoWorkflow.class.getName() + "'");
	}

	@Test
	void readsTheEntityBehindAHibernateProxyNeverTheProxysEmptyFields() {
		ParcelProxy proxy = new ParcelProxy(new Parcel("alice", 4, false));
		assertThat(proxy.customer).isNull();
		assertThat(holds("#other.customer == 'alice' && #other.weight == 4", new Parcel("bob", 1, false), proxy))
			.isTrue();
	}

	@Test
	void withoutAStoreToUnwrapItAProxysFieldsAreNotReadAtAll() {
		SpelGuardCompiler plain = new SpelGuardCompiler(contexts(UnaryOperator.identity()), null);
		ParcelProxy proxy = new ParcelProxy(new Parcel("alice", 4, false));
		assertThatExceptionOfType(SpelEvaluationException.class).isThrownBy(
				() -> plain.condition("#other.customer == 'alice'").holds(input(new Parcel("bob", 1, false), proxy)))
			.withMessageContaining("'customer' cannot be found");
	}

	@Test
	void fieldsAreReadNeverWritten() {
		Parcel parcel = new Parcel("alice", 4, false);
		assertThatExceptionOfType(SpelEvaluationException.class)
			.isThrownBy(() -> holds("(customer = 'mallory') != null", parcel))
			.withMessageContaining("customer");
		assertThat(parcel.customer).isEqualTo("alice");
	}

	@Test
	void compiledExpressionsReadTheFieldsTypedAndFallBackForAProxy() {
		Expression expression = IMMEDIATE
			.parseExpression("weight > 3 && customer.length() == 5 && !fragile" + " && status.name() == 'PACKED'");
		Parcel heavy = new Parcel("alice", 4, false);
		assertThat(expression.getValue(this.contexts.create(input(heavy, null)), Boolean.class)).isTrue();
		assertThat(((SpelExpression) expression).compileExpression()).isTrue();
		for (int i = 0; i < 50; i++) {
			Parcel parcel = new Parcel((i % 2 == 0) ? "alice" : "bob", i % 8, i % 3 == 0);
			boolean expected = parcel.weight > 3 && parcel.customer.length() == 5 && !parcel.fragile;
			assertThat(expression.getValue(this.contexts.create(input(parcel, null)), Boolean.class)).as("round %d", i)
				.isEqualTo(expected);
		}

		Expression mixed = new SpelExpressionParser(
				new SpelParserConfiguration(SpelCompilerMode.MIXED, getClass().getClassLoader()))
			.parseExpression("#other.weight > 3 && #other.customer == 'alice'");
		assertThat(mixed.getValue(this.contexts.create(input(heavy, heavy)), Boolean.class)).isTrue();
		assertThat(((SpelExpression) mixed).compileExpression()).isTrue();
		ParcelProxy proxy = new ParcelProxy(new Parcel("alice", 5, false));
		assertThat(mixed.getValue(this.contexts.create(input(heavy, proxy)), Boolean.class)).isTrue();
	}

	private boolean holds(String expression, Parcel parcel) {
		return holds(expression, parcel, null);
	}

	private boolean holds(String expression, Parcel parcel, @Nullable Object other) {
		return this.compiler.condition(expression).holds(input(parcel, other));
	}

	private GuardInput input(Parcel parcel, @Nullable Object other) {
		return new GuardInput(parcel, this.ship, parcel, new Object[] { other }, new String[] { "other" }, "PACKED",
				"SHIPPED");
	}

	private static GuardEvaluationContexts contexts(UnaryOperator<Object> unproxy) {
		return new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory()), unproxy);
	}

	enum Status {

		PACKED, SHIPPED

	}

	/** As the README writes an entity: package-private fields, no getters (but one). */
	public static class Parcel {

		@StateField
		Status status = Status.PACKED;

		@Nullable String customer;

		private int weight;

		boolean fragile;

		Parcel() {
		}

		Parcel(@Nullable String customer, int weight, boolean fragile) {
			this.customer = customer;
			this.weight = weight;
			this.fragile = fragile;
		}

		public String getLabel() {
			return "label of " + this.customer;
		}

		public void ship(@Nullable Object other) {
		}

	}

	/**
	 * What Hibernate generates for getReferenceById: a subclass whose own fields stay
	 * empty.
	 */
	static class ParcelProxy extends Parcel implements HibernateProxy {

		private final Parcel target;

		ParcelProxy(Parcel target) {
			this.target = target;
		}

		@Override
		public Object writeReplace() {
			return this.target;
		}

		@Override
		public LazyInitializer getHibernateLazyInitializer() {
			return (LazyInitializer) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
					new Class<?>[] { LazyInitializer.class }, (proxy, method, args) -> {
						if (method.getName().equals("getImplementation")) {
							return this.target;
						}
						throw new UnsupportedOperationException(method.getName());
					});
		}

	}

	static class NoWorkflow implements Serializable {

		String secret = "s";

	}

}
