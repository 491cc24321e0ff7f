package dev.fsm.audit.matrix;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionRecord.Outcome;
import dev.fsm.Transitions;
import dev.fsm.audit.matrix.StepEntity.State;
import dev.fsm.test.MutableClock;
import dev.fsm.timer.TransitionTimers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The audit trail's steps against every kind of entity and every way of firing: each case
 * fires three transitions in a row, then one more on a freshly loaded copy, and checks
 * that all committed, that each record's step is the version its transition gave the
 * entity (1, 2, 3 … without {@code @Version}), and that the history replays to the stored
 * state. The dimensions: the id (generated Long and UUID; assigned String, UUID and Long;
 * {@code @EmbeddedId}; {@code @IdClass}) and the {@code @Version} ({@code Long},
 * {@code int}, {@code Integer}, {@code long}, {@code short}, {@code Short}, none); fired
 * on the instance by name, through {@code transitions.on(..)}, by id, or on a flow bean;
 * on a new or a loaded entity; in the transition's own transaction, each in a caller's
 * transaction, or all in one; a plain sequence, one starting with a failure that moves to
 * the {@code onError} state, one starting with a forced state, one ending with a timer,
 * and one with records missing (the audit trail off for a while).
 */
@SpringBootTest(classes = StepMatrixApplication.class, properties = { "fsm.audit.initialize-schema=always",
		"spring.jpa.hibernate.ddl-auto=update", "fsm.timers.poll-interval=1h" })
class AuditStepMatrixTests {

	@Autowired
	Transitions transitions;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	EntityManager entityManager;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransitionTimers timers;

	@Autowired
	MutableClock clock;

	@Autowired
	StepFlow flow;

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void everyRecordTakesTheVersionItsTransitionGaveTheEntity(Case matrixCase) {
		StepEntity entity = matrixCase.kind().create();
		if (!matrixCase.fresh()) {
			this.transaction.executeWithoutResult((status) -> this.entityManager.persist(entity));
		}
		List<Expected> expected = new ArrayList<>();
		Runnable scenario = () -> {
			for (String step : matrixCase.scenario().steps()) {
				if (step.equals(Scenario.GAP_MARKER)) {
					forgetHistory(entity);
					expected.clear();
					continue;
				}
				State before = storedState(entity, matrixCase);
				State after = fire(matrixCase, entity, step);
				expected.add(new Expected(name(matrixCase, step), before, after, outcome(step), version(entity)));
			}
		};
		if (matrixCase.tx() == Tx.ONE) {
			this.transaction.executeWithoutResult((status) -> scenario.run());
		}
		else {
			scenario.run();
		}
		// one more on a copy loaded afresh, in its own transaction: nothing is stuck
		State last = expected.get(expected.size() - 1).after();
		String tail = (last == State.DONE) ? "reopen" : "finish";
		this.transitions.fire(EntityRef.of(matrixCase.kind().type(), entity.id()), tail);
		expected.add(new Expected(tail, last, (last == State.DONE) ? State.ACTIVE : State.DONE, Outcome.COMPLETED,
				version(entity)));

		List<TransitionRecord> history = new ArrayList<>(this.transitions.history(entity));
		Collections.reverse(history);
		assertThat(history).as("the records, oldest first")
			.extracting(TransitionRecord::transition, TransitionRecord::sourceState, TransitionRecord::targetState,
					TransitionRecord::outcome)
			.containsExactlyElementsOf(expected.stream()
				.map((e) -> org.assertj.core.groups.Tuple.tuple(e.transition(), e.before().name(), e.after().name(),
						e.outcome()))
				.toList());
		List<Long> steps = history.stream().map(TransitionRecord::sequence).toList();
		if (matrixCase.kind().versioned()) {
			assertThat(steps).as("each step is the version its transition gave the entity")
				.containsExactlyElementsOf(expected.stream().map(Expected::version).toList());
		}
		else {
			assertThat(steps).as("steps without @Version")
				.containsExactly(
						java.util.stream.LongStream.rangeClosed(1, expected.size()).boxed().toArray(Long[]::new));
		}
		assertThat(steps).isSorted().doesNotHaveDuplicates();
		StepEntity stored = load(matrixCase.kind().type(), entity.id());
		assertThat(stored.getState()).as("the history replays to the stored state")
			.isEqualTo(expected.get(expected.size() - 1).after());
		if (matrixCase.kind().versioned()) {
			assertThat(stored.versionNumber()).isEqualTo(steps.get(steps.size() - 1));
		}
	}

	/** Fires one step of a scenario the way the case says; returns the state it left. */
	private State fire(Case matrixCase, StepEntity entity, String step) {
		if (step.startsWith("forced:")) {
			State state = State.valueOf(step.substring("forced:".length()));
			inCallersTransaction(matrixCase, () -> {
				this.transitions.forceState(entity, state.name(), "repair");
				return null;
			});
			return state;
		}
		if (step.equals("timer")) {
			this.clock.advance(Duration.ofHours(2));
			assertThat(this.timers.poll()).isOne();
			return State.ACTIVE;
		}
		if (step.equals("crash")) {
			inCallersTransaction(matrixCase, () -> {
				assertThatIllegalStateException().isThrownBy(() -> fireAs(matrixCase, entity, step))
					.withMessage("crashed");
				return null;
			});
			return State.BROKEN;
		}
		inCallersTransaction(matrixCase, () -> {
			fireAs(matrixCase, entity, step);
			return null;
		});
		return storedState(entity, matrixCase);
	}

	private void fireAs(Case matrixCase, StepEntity entity, String transition) {
		switch (matrixCase.way()) {
			case INSTANCE -> this.transitions.fire(entity, transition);
			case VIEW -> invoke(this.transitions.on(entity), method(entity.getClass(), transition));
			case BY_ID -> this.transitions.fire(EntityRef.of(matrixCase.kind().type(), entity.id()), transition);
			case FLOW ->
				invoke(this.flow, method(StepFlow.class, name(matrixCase, transition), entity.getClass()), entity);
		}
	}

	private static Method method(Class<?> type, String name, Class<?>... parameterTypes) {
		try {
			return type.getMethod(name, parameterTypes);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void invoke(Object target, Method method, Object... arguments) {
		try {
			method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private <T> T inCallersTransaction(Case matrixCase, Supplier<T> work) {
		return (matrixCase.tx() == Tx.CALLER) ? this.transaction.execute((status) -> work.get()) : work.get();
	}

	/** The state as stored (flushed, in the one transaction of a {@link Tx#ONE} case). */
	private State storedState(StepEntity entity, Case matrixCase) {
		if (entity.id() == null || this.transaction
			.execute((status) -> this.entityManager.find(matrixCase.kind().type(), entity.id())) == null) {
			return entity.getState();
		}
		return load(matrixCase.kind().type(), entity.id()).getState();
	}

	/** The stored version (flushed, in the one transaction of a {@link Tx#ONE} case). */
	private Long version(StepEntity entity) {
		StepEntity stored = load(entity.getClass(), entity.id());
		return stored.versionNumber();
	}

	private StepEntity load(Class<? extends StepEntity> type, Object id) {
		StepEntity stored = this.transaction.execute((status) -> this.entityManager.find(type, id));
		assertThat(stored).as("stored %s#%s", type.getSimpleName(), id).isNotNull();
		return stored;
	}

	/** The transitions so far happened while the audit trail was off: no records. */
	private void forgetHistory(StepEntity entity) {
		String id = this.transitions.history(entity).get(0).entityId();
		this.jdbc.update("delete from fsm_transition_record where entity_type = ? and entity_id = ?",
				entity.getClass().getSimpleName(), id);
	}

	/** The transition a step records. */
	private static String name(Case matrixCase, String step) {
		if (step.startsWith("forced:")) {
			return Transitions.FORCED;
		}
		if (matrixCase.way() == Way.FLOW) {
			return "flow" + Character.toUpperCase(step.charAt(0)) + step.substring(1);
		}
		return step.equals("timer") ? "resume" : step;
	}

	private static Outcome outcome(String step) {
		if (step.startsWith("forced:")) {
			return Outcome.FORCED;
		}
		return step.equals("crash") ? Outcome.FAILED : Outcome.COMPLETED;
	}

	static Stream<Case> cases() {
		List<Case> cases = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			for (Scenario scenario : List.of(Scenario.PLAIN, Scenario.ON_ERROR, Scenario.FORCED, Scenario.TIMER)) {
				List<Way> ways = new ArrayList<>(List.of(Way.INSTANCE, Way.VIEW, Way.BY_ID));
				if (kind.hasFlow() && scenario == Scenario.PLAIN) {
					ways.add(Way.FLOW);
				}
				for (Way way : ways) {
					for (boolean fresh : List.of(true, false)) {
						for (Tx tx : Tx.values()) {
							if ((way == Way.BY_ID && fresh) || (scenario == Scenario.TIMER && tx == Tx.ONE)) {
								continue;
							}
							cases.add(new Case(kind, scenario, way, fresh, tx));
						}
					}
				}
			}
			cases.add(new Case(kind, Scenario.GAP, Way.INSTANCE, false, Tx.OWN));
		}
		return cases.stream();
	}

	/** The entity types of the matrix. */
	enum Kind {

		GENERATED_LONG_ID_LONG_VERSION(GeneratedLongStep.class, GeneratedLongStep::create, true, true),

		GENERATED_UUID_ID_INT_VERSION(GeneratedUuidStep.class, GeneratedUuidStep::create, true, false),

		ASSIGNED_STRING_ID_INTEGER_VERSION(AssignedStringStep.class, AssignedStringStep::create, true, true),

		ASSIGNED_UUID_ID_LONG_PRIMITIVE_VERSION(AssignedUuidStep.class, AssignedUuidStep::create, true, false),

		ASSIGNED_LONG_ID_SHORT_VERSION(AssignedLongStep.class, AssignedLongStep::create, true, false),

		EMBEDDED_ID_SHORT_WRAPPER_VERSION(EmbeddedIdStep.class, EmbeddedIdStep::create, true, false),

		ID_CLASS_LONG_VERSION(IdClassStep.class, IdClassStep::create, true, false),

		ASSIGNED_STRING_ID_NO_VERSION(UnversionedStep.class, UnversionedStep::create, false, false);

		private final Class<? extends StepEntity> type;

		private final Supplier<StepEntity> factory;

		private final boolean versioned;

		private final boolean hasFlow;

		Kind(Class<? extends StepEntity> type, Supplier<StepEntity> factory, boolean versioned, boolean hasFlow) {
			this.type = type;
			this.factory = factory;
			this.versioned = versioned;
			this.hasFlow = hasFlow;
		}

		@SuppressWarnings("unchecked")
		<T extends StepEntity> Class<T> type() {
			return (Class<T>) this.type;
		}

		StepEntity create() {
			return this.factory.get();
		}

		boolean versioned() {
			return this.versioned;
		}

		boolean hasFlow() {
			return this.hasFlow;
		}

	}

	/** How a case fires its transitions. */
	enum Way {

		/** {@code transitions.fire(entity, name)} */
		INSTANCE,

		/** {@code transitions.on(entity).name()} */
		VIEW,

		/** {@code transitions.fire(EntityRef.of(type, id), name)} */
		BY_ID,

		/** {@code flow.flowName(entity)}, on a Spring bean */
		FLOW

	}

	/** The transactions a case fires in. */
	enum Tx {

		/** Each transition in its own. */
		OWN,

		/** Each transition in a caller's transaction. */
		CALLER,

		/** All of the case's transitions in one caller's transaction. */
		ONE

	}

	/** What a case fires, in order. */
	enum Scenario {

		PLAIN("activate", "finish", "reopen"),

		ON_ERROR("crash", "repair", "finish"),

		FORCED("forced:ACTIVE", "finish", "reopen"),

		TIMER("activate", "pause", "timer"),

		GAP("activate", Scenario.GAP_MARKER, "finish", "reopen");

		static final String GAP_MARKER = "(records lost)";

		private final List<String> steps;

		Scenario(String... steps) {
			this.steps = List.of(steps);
		}

		List<String> steps() {
			return this.steps;
		}

	}

	record Case(Kind kind, Scenario scenario, Way way, boolean fresh, Tx tx) {

		@Override
		public String toString() {
			return this.kind + " " + this.scenario + " " + this.way + (this.fresh ? " new" : " loaded") + " " + this.tx;
		}

	}

	/**
	 * A record the case expects: the transition, its states and outcome, the version it
	 * left.
	 */
	record Expected(String transition, State before, State after, Outcome outcome, Long version) {
	}

}
