package dev.fsm.engine;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;

import dev.fsm.engine.TransitionExecutorUnitTests.Kettle;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.TransitionObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transition resolved by the caller (firing by name through a flow bean's proxy or
 * Kotlin) comes back through the advice without a second lookup; the calls its body
 * makes, and calls nobody resolved, are looked up.
 */
class TransitionInterceptorUnitTests {

	private final WorkflowRegistry registry;

	private final AtomicInteger lookups = new AtomicInteger();

	private final TransitionInterceptor interceptor;

	TransitionInterceptorUnitTests() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(
				new SpelGuardCompiler(
						new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory())), null),
				true);
		introspector.addEntityType(Kettle.class);
		this.registry = introspector.build();
		TransitionExecutor executor = new TransitionExecutor(new NonPersistentEntityStore(),
				new ThreadLocalActorProvider(), (event) -> {
				}, null, TransitionObserver.NONE, List.of());
		this.interceptor = new TransitionInterceptor(() -> {
			this.lookups.incrementAndGet();
			return this.registry;
		}, () -> executor);
	}

	@Test
	void aResolvedTransitionIsNotLookedUpAgain() throws Throwable {
		Kettle kettle = new Kettle();
		TransitionModel heat = transition("heat");
		Object[] arguments = { 90 };
		Object result = TransitionInterceptor.callResolved(heat, kettle,
				() -> this.interceptor.intercept(kettle, heat.method(), arguments,
						() -> AopUtils.invokeJoinpointUsingReflection(kettle, heat.method(), arguments)));
		assertThat(result).isEqualTo("OFF -> HEATING at 90");
		assertThat(this.lookups).hasValue(0);
	}

	@Test
	void theCallsOfItsBodyAndUnresolvedCallsAreLookedUp() throws Throwable {
		Kettle kettle = new Kettle();
		TransitionModel heat = transition("heat");
		Object[] degrees = { 100 };
		this.interceptor.intercept(kettle, heat.method(), degrees,
				() -> AopUtils.invokeJoinpointUsingReflection(kettle, heat.method(), degrees));
		assertThat(this.lookups).hasValue(1);
		TransitionModel whistle = transition("whistle");
		TransitionModel settle = transition("settle");
		Object[] boiling = { "BOILING" };
		kettle.chain = () -> {
			try {
				this.interceptor.intercept(kettle, settle.method(), boiling,
						() -> AopUtils.invokeJoinpointUsingReflection(kettle, settle.method(), boiling));
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		};
		Object[] none = {};
		TransitionInterceptor.callResolved(whistle, kettle, () -> this.interceptor.intercept(kettle, whistle.method(),
				none, () -> AopUtils.invokeJoinpointUsingReflection(kettle, whistle.method(), none)));
		assertThat(kettle.contexts).containsExactly("whistle", "settle", "whistle");
		assertThat(kettle.state).isEqualTo(Kettle.State.BOILING);
		assertThat(this.lookups).hasValue(2); // settle, called in the body of the
												// resolved whistle
	}

	@Test
	void aResolvedTransitionForAnotherEntityIsNotTaken() throws Throwable {
		Kettle kettle = new Kettle();
		TransitionModel heat = transition("heat");
		Object[] arguments = { 50 };
		TransitionInterceptor.callResolved(heat, new Kettle(), () -> this.interceptor.intercept(kettle, heat.method(),
				arguments, () -> AopUtils.invokeJoinpointUsingReflection(kettle, heat.method(), arguments)));
		assertThat(this.lookups).hasValue(1);
		assertThat(kettle.state).isEqualTo(Kettle.State.HEATING);
	}

	private TransitionModel transition(String name) {
		TransitionModel transition = this.registry.workflowsOf(Kettle.class).get(0).transition(name);
		assertThat(transition).isNotNull();
		return transition;
	}

}
