package dev.fsm.engine;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.ResolvableType;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.TransitionObserver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of a transition reach exactly the listeners of their generic type through a
 * real Spring event multicaster, now that each event type is made once per entity type
 * instead of on every publish.
 */
class TransitionEventTypesTests {

	private final AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Listeners.class);

	private final Listeners listeners = this.context.getBean(Listeners.class);

	private final WorkflowRegistry registry;

	private final TransitionExecutor executor;

	TransitionEventTypesTests() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(
				new SpelGuardCompiler(
						new GuardEvaluationContexts(new BeanFactoryResolver(new DefaultListableBeanFactory())), null),
				true);
		introspector.addEntityType(Bulb.class);
		introspector.addEntityType(Fan.class);
		this.registry = introspector.build();
		this.executor = new TransitionExecutor(new NonPersistentEntityStore(), new ThreadLocalActorProvider(),
				this.context, null, TransitionObserver.NONE, List.of());
	}

	@AfterEach
	void close() {
		this.context.close();
	}

	@Test
	void eachEventReachesTheListenersOfItsEntityTypeOnlyEveryTime() throws Throwable {
		for (int i = 0; i < 3; i++) {
			fire(new Bulb(), "switchOn");
			fire(new Fan(), "spin");
		}
		// the fan's transitions reached no listener of the bulb's events
		assertThat(this.listeners.received).hasSize(12)
			.containsOnly("pre Bulb", "post Bulb", "completed Bulb.switchOn", "payload Bulb.switchOn");
		assertThat(this.listeners.received).filteredOn((line) -> line.startsWith("p"))
			.containsExactly("pre Bulb", "post Bulb", "payload Bulb.switchOn", "pre Bulb", "post Bulb",
					"payload Bulb.switchOn", "pre Bulb", "post Bulb", "payload Bulb.switchOn");
		assertThat(this.listeners.fanCompleted).isEqualTo(3);
	}

	@Test
	void theTypeOfAnEventIsItsClassWithTheEntityTypeAndIsMadeOnce() {
		TransitionAttempt bulb = attempt(Bulb.class, new Bulb());
		TransitionAttempt fan = attempt(Fan.class, new Fan());
		ResolvableType postOfBulb = new PostTransitionEvent<>(bulb, null).getResolvableType();
		assertThat(postOfBulb).hasToString("dev.fsm.PostTransitionEvent<" + Bulb.class.getName() + ">");
		assertThat(new PostTransitionEvent<>(bulb, "other").getResolvableType()).isSameAs(postOfBulb);
		assertThat(new PreTransitionEvent<>(bulb).getResolvableType())
			.hasToString("dev.fsm.PreTransitionEvent<" + Bulb.class.getName() + ">");
		assertThat(new TransitionFailedEvent<>(bulb, new IllegalStateException("x"), "OFF", false).getResolvableType())
			.hasToString("dev.fsm.TransitionFailedEvent<" + Bulb.class.getName() + ">");
		assertThat(new PostTransitionEvent<>(fan, null).getResolvableType())
			.hasToString("dev.fsm.PostTransitionEvent<" + Fan.class.getName() + ">");
		// an application's own subclass keeps its own class in the type
		assertThat(new AuditedPost<>(bulb).getResolvableType())
			.hasToString(AuditedPost.class.getName() + "<" + Bulb.class.getName() + ">")
			.isSameAs(new AuditedPost<>(bulb).getResolvableType());
	}

	@Test
	void theCompletedEventIsAPayloadEventOfTransitionCompleted() throws Throwable {
		fire(new Fan(), "spin");
		PayloadApplicationEvent<TransitionCompleted> published = TransitionCompletedEvents.published(this.context,
				this.listeners.lastFanCompleted);
		assertThat(published.getPayload()).isSameAs(this.listeners.lastFanCompleted);
		assertThat(published.getSource()).isSameAs(this.context);
		assertThat(published.getResolvableType().as(PayloadApplicationEvent.class).getGeneric().resolve())
			.isEqualTo(TransitionCompleted.class);
	}

	private TransitionAttempt attempt(Class<?> type, Object entity) {
		return new TransitionAttempt(this.registry.workflowsOf(type).get(0).view(), "t", entity, null, null, "OFF",
				"ON", "anonymous", List.of(), null);
	}

	private void fire(Object entity, String name) throws Throwable {
		TransitionModel transition = this.registry.workflowsOf(entity.getClass()).get(0).transition(name);
		assertThat(transition).isNotNull();
		Object[] arguments = {};
		this.executor.execute(transition, entity, entity, arguments,
				() -> AopUtils.invokeJoinpointUsingReflection(entity, transition.method(), arguments));
	}

	static class Listeners {

		final List<String> received = new ArrayList<>();

		int fanCompleted;

		@Nullable TransitionCompleted lastFanCompleted;

		@EventListener
		void pre(PreTransitionEvent<Bulb> event) {
			this.received.add("pre " + event.getEntity().getClass().getSimpleName());
		}

		@EventListener
		void post(PostTransitionEvent<Bulb> event) {
			this.received.add("post " + event.getEntity().getClass().getSimpleName());
		}

		@EventListener
		void completed(TransitionCompleted event) {
			if (event.entityType().equals("Fan")) {
				this.fanCompleted++;
				this.lastFanCompleted = event;
				return;
			}
			this.received.add("completed " + event.entityType() + "." + event.transition());
		}

		@org.springframework.context.annotation.Bean
		ApplicationListener<PayloadApplicationEvent<TransitionCompleted>> payloadListener() {
			return (event) -> {
				if (!event.getPayload().entityType().equals("Fan")) {
					this.received
						.add("payload " + event.getPayload().entityType() + "." + event.getPayload().transition());
				}
			};
		}

	}

	/** An application's own event class. */
	static class AuditedPost<T> extends PostTransitionEvent<T> {

		AuditedPost(TransitionAttempt attempt) {
			super(attempt, null);
		}

	}

	static class Bulb {

		enum State {

			OFF, ON

		}

		@StateField
		State state = State.OFF;

		@Transition(source = "OFF", target = "ON")
		public void switchOn() {
		}

	}

	static class Fan {

		enum State {

			STILL, SPINNING

		}

		@StateField
		State state = State.STILL;

		@Transition(source = "STILL", target = "SPINNING")
		public void spin() {
		}

	}

}
