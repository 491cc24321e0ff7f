package dev.fsm.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.expression.BeanFactoryResolver;

import dev.fsm.InvalidTargetStateException;
import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.TransitionAttempt;
import dev.fsm.TransitionCompleted;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionContext;
import dev.fsm.TransitionFailedEvent;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.UnknownStateException;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.TransitionObserver;
import dev.fsm.spi.TransitionRecorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The executor alone, in milliseconds: plain objects, no Spring context, no transaction,
 * events and records collected in lists.
 */
class TransitionExecutorUnitTests {

	private final List<String> log = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	private Consumer<Object> onEvent = (event) -> {
	};

	private final WorkflowRegistry registry;

	private final TransitionExecutor executor;

	TransitionExecutorUnitTests() {
		GuardEvaluationContexts contexts = new GuardEvaluationContexts(
				new BeanFactoryResolver(new DefaultListableBeanFactory()));
		WorkflowIntrospector introspector = new WorkflowIntrospector(new SpelGuardCompiler(contexts, null), true);
		introspector.addEntityType(Kettle.class);
		this.registry = introspector.build();
		ApplicationEventPublisher publisher = new ApplicationEventPublisher() {

			@Override
			public void publishEvent(ApplicationEvent event) {
				publishEvent((Object) event);
			}

			@Override
			public void publishEvent(Object event) {
				Object published = (event instanceof PayloadApplicationEvent<?> payload) ? payload.getPayload() : event;
				TransitionExecutorUnitTests.this.events.add(published);
				TransitionExecutorUnitTests.this.onEvent.accept(published);
			}

		};
		this.executor = new TransitionExecutor(new NonPersistentEntityStore(), new ThreadLocalActorProvider(),
				publisher, null, TransitionObserver.NONE, List.of(new Recorder(this.log)));
	}

	@Test
	void firesInTheDocumentedOrderAndTheBodySeesTheTarget() throws Throwable {
		Kettle kettle = new Kettle();
		Object result = fire(kettle, "heat", 90);
		assertThat(result).isEqualTo("OFF -> HEATING at 90");
		assertThat(kettle.state).isEqualTo(Kettle.State.HEATING);
		assertThat(kettle.temperature).isEqualTo(90);
		assertThat(this.log).containsExactly("starting heat OFF->HEATING by anonymous",
				"completed heat OFF->HEATING: Heating to 90");
		assertThat(this.events).hasSize(3);
		assertThat(this.events.get(0)).isInstanceOf(PreTransitionEvent.class);
		assertThat(this.events.get(1)).isInstanceOfSatisfying(PostTransitionEvent.class, (post) -> {
			assertThat(post.getResult()).isEqualTo("OFF -> HEATING at 90");
			assertThat(post.getArguments()).containsExactly(90);
		});
		// the serialisable twin of the post event: the entity by name and id (none yet),
		// arguments as text
		assertThat(this.events.get(2)).isInstanceOfSatisfying(TransitionCompleted.class, (completed) -> {
			assertThat(completed).usingRecursiveComparison()
				.ignoringFields("at")
				.isEqualTo(new TransitionCompleted("Kettle", "", "Kettle.state", "heat", "OFF", "HEATING", "anonymous",
						completed.at(), Map.of("degrees", "90")));
		});
	}

	@Test
	void refusesAWrongSourceStateAndChangesNothing() {
		Kettle kettle = new Kettle();
		assertThatExceptionOfType(TransitionNotAllowedException.class).isThrownBy(() -> fire(kettle, "boil"))
			.withMessage(
					"Transition 'boil' is not allowed from state 'OFF' on Kettle (unsaved) (allowed from: HEATING)");
		assertThat(kettle.state).isEqualTo(Kettle.State.OFF);
		assertThat(this.log).isEmpty();
		assertThat(this.events).isEmpty();
	}

	@Test
	void reportsEveryFailedConditionByName() {
		Kettle kettle = new Kettle();
		assertThatExceptionOfType(TransitionConditionException.class).isThrownBy(() -> fire(kettle, "heat", 120))
			.withMessage("Transition 'heat' is not allowed on Kettle (unsaved) in state 'OFF': condition not met:"
					+ " #degrees <= 100");
		assertThat(kettle.temperature).isZero();
	}

	@Test
	void aThrowingBodyPutsEveryFieldBackAndPublishesTheFailure() {
		Kettle kettle = new Kettle();
		assertThatIllegalStateException().isThrownBy(() -> fire(kettle, "heat", -1)).withMessage("too cold");
		assertThat(kettle.state).isEqualTo(Kettle.State.OFF);
		assertThat(kettle.temperature).isZero();
		assertThat(this.events).last().isInstanceOfSatisfying(TransitionFailedEvent.class, (failed) -> {
			assertThat(failed.getResultingState()).isEqualTo("OFF");
			assertThat(failed.isMovedToErrorState()).isFalse();
		});
		assertThat(this.log).containsExactly("starting heat OFF->HEATING by anonymous");
	}

	@Test
	void onErrorMovesToTheErrorStateAndRecordsIt() {
		Kettle kettle = new Kettle();
		assertThatIllegalStateException().isThrownBy(() -> fire(kettle, "descale", true)).withMessage("scale stuck");
		assertThat(kettle.state).isEqualTo(Kettle.State.BROKEN);
		assertThat(kettle.temperature).isZero();
		assertThat(this.log).containsExactly("starting descale OFF->OFF by anonymous",
				"movedToErrorState descale OFF->BROKEN");
		assertThat(this.events).last()
			.isInstanceOfSatisfying(TransitionFailedEvent.class,
					(failed) -> assertThat(failed.isMovedToErrorState()).isTrue());
	}

	@Test
	void aDynamicTargetOutsideTheDeclaredOnesIsRefusedAfterTheBody() throws Throwable {
		Kettle kettle = new Kettle();
		fire(kettle, "heat", 90);
		assertThatExceptionOfType(InvalidTargetStateException.class).isThrownBy(() -> fire(kettle, "settle", "OFF"))
			.withMessage("Transition 'settle' on Kettle (unsaved) from state 'HEATING' returned 'OFF', which is not one"
					+ " of its targets (BOILING, WARM)");
		assertThat(kettle.state).isEqualTo(Kettle.State.HEATING);
		assertThat(fire(kettle, "settle", "WARM")).isEqualTo("WARM");
		assertThat(kettle.state).isEqualTo(Kettle.State.WARM);
	}

	@Test
	void aBodyThatAssignsItsStateFieldFails() {
		Kettle kettle = new Kettle();
		assertThatIllegalStateException().isThrownBy(() -> fire(kettle, "cheat"))
			.withMessageStartingWith("The body of transition 'cheat' on Kettle (unsaved) set its state field 'state'"
					+ " to 'BOILING' instead of leaving it at 'HEATING'");
		assertThat(kettle.state).isEqualTo(Kettle.State.OFF);
	}

	@Test
	void aVetoingPreListenerChangesNothingAndPublishesNoFailure() {
		Kettle kettle = new Kettle();
		this.onEvent = (event) -> {
			if (event instanceof PreTransitionEvent<?>) {
				throw new IllegalStateException("vetoed");
			}
		};
		assertThatIllegalStateException().isThrownBy(() -> fire(kettle, "heat", 90)).withMessage("vetoed");
		assertThat(kettle.temperature).isZero();
		assertThat(this.events).singleElement().isInstanceOf(PreTransitionEvent.class);
		assertThat(this.log).isEmpty();
	}

	@Test
	void aFailingPostListenerPutsTheInstanceBack() {
		Kettle kettle = new Kettle();
		this.onEvent = (event) -> {
			if (event instanceof PostTransitionEvent<?>) {
				throw new IllegalStateException("post failed");
			}
		};
		assertThatIllegalStateException().isThrownBy(() -> fire(kettle, "heat", 90)).withMessage("post failed");
		assertThat(kettle.state).isEqualTo(Kettle.State.OFF);
		assertThat(kettle.temperature).isZero();
		assertThat(this.events).last().isInstanceOf(TransitionFailedEvent.class);
	}

	@Test
	void aChainedTransitionNestsItsContextAndItsRecords() throws Throwable {
		Kettle kettle = new Kettle();
		fire(kettle, "heat", 100);
		this.log.clear();
		kettle.chain = () -> {
			try {
				fire(kettle, "settle", "BOILING");
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		};
		fire(kettle, "whistle");
		assertThat(kettle.state).isEqualTo(Kettle.State.BOILING);
		assertThat(kettle.contexts).containsExactly("whistle", "settle", "whistle");
		assertThat(this.log).containsExactly("starting whistle HEATING->HEATING by anonymous",
				"starting settle HEATING->null by anonymous", "completed settle HEATING->BOILING: null",
				"completed whistle HEATING->HEATING: null");
		assertThat(TransitionContext.current()).isEmpty();
	}

	@Test
	void aNullStateIsATypedErrorBeforeAnythingRuns() {
		Kettle kettle = new Kettle();
		kettle.state = null;
		assertThatExceptionOfType(UnknownStateException.class).isThrownBy(() -> fire(kettle, "heat", 90))
			.withMessageStartingWith("Kettle (unsaved) has state NULL in field 'state'");
		assertThat(this.events).isEmpty();
	}

	@Test
	void everyoneWhoAsksForTheAttemptBetweenTwoChangesGetsOneValue() throws Throwable {
		List<TransitionAttempt> seen = new ArrayList<>();
		TransitionObserver observer = (attempt, execution) -> {
			seen.add(attempt);
			Object result = execution.proceed();
			seen.add(execution.attempt());
			seen.add(execution.attempt());
			return result;
		};
		TransitionExecutor observed = new TransitionExecutor(new NonPersistentEntityStore(),
				new ThreadLocalActorProvider(), this.events::add, null, observer, List.of());
		Kettle kettle = new Kettle();
		TransitionModel heat = this.registry.workflowsOf(Kettle.class).get(0).transition("heat");
		assertThat(heat).isNotNull();
		Object[] arguments = { 90 };
		observed.execute(heat, kettle, kettle, arguments,
				() -> AopUtils.invokeJoinpointUsingReflection(kettle, heat.method(), arguments));
		assertThat(seen.get(0).sourceState()).isNull(); // as it starts: the source is not
														// read yet
		TransitionAttempt completed = ((PostTransitionEvent<?>) this.events.get(1)).getAttempt();
		assertThat(seen.get(1)).isSameAs(completed).isSameAs(seen.get(2));
		assertThat(completed.description()).isEqualTo("Heating to 90");
		assertThat(((PreTransitionEvent<?>) this.events.get(0)).getAttempt()).isNotSameAs(completed)
			.satisfies((checked) -> assertThat(checked.description()).isNull());
	}

	@Test
	void aForcedStateThatFailsPutsTheInstanceBackAndPublishesNothing() {
		Kettle kettle = new Kettle();
		kettle.temperature = 20;
		WorkflowModel workflow = this.registry.workflowsOf(Kettle.class).get(0);
		TransitionExecutor failing = new TransitionExecutor(new NonPersistentEntityStore(),
				new ThreadLocalActorProvider(), this.events::add, null, TransitionObserver.NONE,
				List.of(new TransitionRecorder() {

					@Override
					public void completed(TransitionAttempt attempt) {
					}

					@Override
					public void movedToErrorState(TransitionAttempt attempt) {
					}

					@Override
					public void forced(TransitionAttempt attempt) {
						throw new IllegalStateException("audit down");
					}

				}));
		assertThatIllegalStateException().isThrownBy(() -> failing.forceState(workflow, kettle, "BROKEN", "repair"))
			.withMessage("audit down");
		assertThat(kettle.state).isEqualTo(Kettle.State.OFF);
		assertThat(kettle.temperature).isEqualTo(20);
		assertThat(this.events).isEmpty();
	}

	private @Nullable Object fire(Kettle kettle, String name, Object... arguments) throws Throwable {
		WorkflowModel workflow = this.registry.workflowsOf(Kettle.class).get(0);
		TransitionModel transition = workflow.transition(name);
		assertThat(transition).isNotNull();
		return this.executor.execute(transition, kettle, kettle, arguments,
				() -> AopUtils.invokeJoinpointUsingReflection(kettle, transition.method(), arguments));
	}

	/** Records what recorders are told, as text. */
	private record Recorder(List<String> log) implements TransitionRecorder {

		@Override
		public void starting(TransitionAttempt attempt) {
			this.log.add("starting " + attempt.transition() + " " + attempt.sourceState() + "->" + attempt.targetState()
					+ " by " + attempt.actor());
		}

		@Override
		public void completed(TransitionAttempt attempt) {
			this.log.add("completed " + attempt.transition() + " " + attempt.sourceState() + "->"
					+ attempt.targetState() + ": " + attempt.description());
		}

		@Override
		public void movedToErrorState(TransitionAttempt attempt) {
			this.log.add("movedToErrorState " + attempt.transition() + " " + attempt.sourceState() + "->"
					+ attempt.targetState());
		}

	}

	static class Kettle {

		enum State {

			OFF, HEATING, BOILING, WARM, BROKEN

		}

		@StateField
		State state = State.OFF;

		int temperature;

		Runnable chain = () -> {
		};

		final List<String> contexts = new ArrayList<>();

		@Transition(source = "OFF", target = "HEATING", conditions = "#degrees <= 100")
		public String heat(int degrees) {
			this.temperature = degrees;
			if (degrees < 0) {
				throw new IllegalStateException("too cold");
			}
			TransitionContext.describe("Heating to " + degrees);
			return "OFF -> " + this.state + " at " + degrees;
		}

		@Transition(source = "HEATING", target = "BOILING")
		public void boil() {
		}

		@Transition(source = "HEATING", target = { "BOILING", "WARM" })
		public String settle(String target) {
			this.contexts.add(TransitionContext.current().orElseThrow().transition());
			return target;
		}

		@Transition(source = "HEATING")
		public void whistle() {
			this.contexts.add(TransitionContext.current().orElseThrow().transition());
			this.chain.run();
			this.contexts.add(TransitionContext.current().orElseThrow().transition());
		}

		@Transition(source = "OFF", onError = "BROKEN")
		public void descale(boolean stuck) {
			this.temperature = 60;
			if (stuck) {
				throw new IllegalStateException("scale stuck");
			}
		}

		@Transition(source = "OFF", target = "HEATING")
		public void cheat() {
			this.state = State.BOILING;
		}

		@Transition(source = { "BOILING", "WARM", "BROKEN" }, target = "OFF")
		public void switchOff() {
		}

	}

}
