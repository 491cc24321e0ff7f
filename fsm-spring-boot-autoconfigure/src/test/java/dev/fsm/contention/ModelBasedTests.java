package dev.fsm.contention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Random sequences of transitions, by random users, on random jobs, with random faults (a
 * vetoing pre-event listener, a body that throws, a failing post listener, a failing
 * after-commit listener, a stale copy, a forced state), run against a small reference
 * model of the workflow. After every step the row, the audit trail, the after-commit
 * events and the exception are what the model says. Each sequence's seed is in every
 * failure message, so a failure can be replayed with {@code -Dfsm.model.seed=..}. A few
 * hundred steps run on H2 in the fast suite, more in the PostgreSQL and MariaDB profiles
 * ({@code fsm.model.sequences}).
 * <p>
 * Written without a property-testing library: jqwik's releases run on the JUnit Platform
 * 1.x, and Spring Boot 4 tests run on JUnit 6.
 */
@SpringBootTest(classes = ContentionApplication.class)
class ModelBasedTests {

	private static final long FIRST = 800_001;

	private static final int JOBS = 6;

	private static final List<String> TRANSITIONS = List.of("enqueue", "start", "finish", "fail", "retry", "reset",
			"ping", "cancel");

	private static final Map<String, Set<String>> SOURCES = Map.of("enqueue", Set.of("IDLE"), "start", Set.of("QUEUED"),
			"finish", Set.of("RUNNING"), "fail", Set.of("RUNNING"), "retry", Set.of("FAILED"), "reset", Set.of("DONE"),
			"cancel", Set.of("QUEUED", "FAILED"));

	private static final Map<String, String> TARGETS = Map.of("enqueue", "QUEUED", "start", "RUNNING", "finish", "DONE",
			"fail", "FAILED", "retry", "QUEUED", "reset", "IDLE", "cancel", "IDLE");

	private static final List<String> USERS = List.of("alice", "bob", "carol");

	private static final List<String> STATES = List.of("IDLE", "QUEUED", "RUNNING", "DONE", "FAILED");

	private final int sequences = Integer.getInteger("fsm.model.sequences", 8);

	private final int steps = Integer.getInteger("fsm.model.steps", 40);

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	Faults faults;

	private final Map<Long, Model> model = new HashMap<>();

	@BeforeEach
	void clearFaults() {
		this.faults.clear();
	}

	@Test
	void randomSequencesWithFaultsDoWhatTheModelSays() {
		Long fixed = Long.getLong("fsm.model.seed");
		Random seeds = new Random();
		for (int sequence = 0; sequence < ((fixed != null) ? 1 : this.sequences); sequence++) {
			long seed = (fixed != null) ? fixed : seeds.nextLong();
			run(seed);
		}
	}

	private void run(long seed) {
		Random random = new Random(seed);
		reset();
		for (int step = 1; step <= this.steps; step++) {
			long id = FIRST + random.nextInt(JOBS);
			String transition = TRANSITIONS.get(random.nextInt(TRANSITIONS.size()));
			String user = USERS.get(random.nextInt(USERS.size()));
			int dice = random.nextInt(100);
			String step0 = "seed " + seed + " step " + step + ": ";
			if (dice < 8) {
				forceState(id, STATES.get(random.nextInt(STATES.size())), step0);
			}
			else if (dice < 16) {
				fireFromAStaleCopy(id, transition, user, step0);
			}
			else {
				Fault fault = (dice < 24) ? Fault.VETO
						: (dice < 32) ? Fault.POST : (dice < 40) ? Fault.AFTER_COMMIT : Fault.NONE;
				fire(id, transition, user, fault, step0);
			}
			this.faults.clear();
		}
	}

	private void fire(long id, String transition, String user, Fault fault, String step) {
		Model job = this.model.get(id);
		String description = step + transition + " on Job#" + id + " in " + job.state + " by " + user + " with "
				+ fault;
		switch (fault) {
			case VETO -> this.faults.next((jdbc) -> {
				throw new IllegalStateException("vetoed");
			});
			case POST -> this.faults.failPost();
			case AFTER_COMMIT -> this.faults.failAfterCommit();
			default -> {
			}
		}
		Throwable failure = catchThrowable(() -> this.transitions.runAs(user,
				() -> this.transitions.fire(EntityRef.of(Job.class, id), transition)));
		Expected expected = expect(job, transition, user, fault);
		assertOutcome(description, failure, expected);
		if (expected.commits()) {
			job.commit(transition, TARGETS.getOrDefault(transition, job.state));
		}
		assertThat(this.faults.afterCommit).as(description).hasSize(expected.commits() ? 1 : 0);
		assertMatchesModel(id, description);
	}

	/**
	 * A copy read before another transition moved the job loses, unless it is refused
	 * first.
	 */
	private void fireFromAStaleCopy(long id, String transition, String user, String step) {
		Job stale = load(id);
		Model job = this.model.get(id);
		String staleState = job.state;
		this.transitions.fire(EntityRef.of(Job.class, id), "ping");
		job.commit("ping", job.state);
		String description = step + transition + " on a stale copy of Job#" + id + " in " + staleState + " by " + user;
		Throwable failure = catchThrowable(
				() -> this.transitions.runAs(user, () -> this.transitions.fire(stale, transition)));
		Expected refusal = expect(job, transition, user, Fault.NONE);
		assertOutcome(description, failure, refusal.commits()
				? new Expected(ConcurrentTransitionException.class, "lost to a concurrent change") : refusal);
		assertThat(stale.getState().name()).as(description + ": the stale copy is as it was").isEqualTo(staleState);
		this.faults.afterCommit.clear();
		assertMatchesModel(id, description);
	}

	private void forceState(long id, String state, String step) {
		this.transitions.forceState(load(id), state, "repaired by an operator");
		this.model.get(id).commit("(forced)", state);
		this.faults.afterCommit.clear();
		assertMatchesModel(id, step + "forced Job#" + id + " into " + state);
	}

	private static Expected expect(Model job, String transition, String user, Fault fault) {
		Set<String> sources = SOURCES.get(transition);
		if (sources != null && !sources.contains(job.state)) {
			return new Expected(TransitionNotAllowedException.class, "is not allowed from state '" + job.state + "'");
		}
		if (transition.equals("cancel") && !job.owner.equals(user)) {
			return new Expected(TransitionDeniedException.class, "is denied to '" + user + "'");
		}
		if (fault == Fault.VETO) {
			return new Expected(IllegalStateException.class, "vetoed");
		}
		if (transition.equals("finish") && job.poisoned) {
			return new Expected(IllegalStateException.class, "is poisoned");
		}
		if (fault == Fault.POST) {
			return new Expected(IllegalStateException.class, "post listener failed");
		}
		return Expected.COMMITS;
	}

	private static void assertOutcome(String description, Throwable failure, Expected expected) {
		if (expected.commits()) {
			assertThat(failure).as(description).isNull();
		}
		else {
			assertThat(failure).as(description).isInstanceOf(expected.type()).hasMessageContaining(expected.message());
		}
	}

	private void assertMatchesModel(long id, String description) {
		Model job = this.model.get(id);
		Map<String, Object> row = this.jdbc.queryForMap("select state, version, runs from contention_job where id = ?",
				id);
		assertThat(row.get("state")).as(description + ": state").isEqualTo(job.state);
		assertThat(((Number) row.get("version")).longValue()).as(description + ": version").isEqualTo(job.version);
		assertThat(((Number) row.get("runs")).intValue()).as(description + ": runs").isEqualTo(job.runs);
		assertThat(this.jdbc.queryForList("select transition_name from fsm_transition_record where entity_type = 'Job'"
				+ " and entity_id = ? order by seq_no", String.class, String.valueOf(id)))
			.as(description + ": audit trail")
			.isEqualTo(job.trail);
	}

	private Job load(long id) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			return entityManager.find(Job.class, id);
		}
		finally {
			entityManager.close();
		}
	}

	private void reset() {
		for (int i = 0; i < JOBS; i++) {
			this.jdbc.update("delete from fsm_transition_record where entity_type = 'Job' and entity_id = ?",
					String.valueOf(FIRST + i));
		}
		this.jdbc.update("delete from contention_job where id >= ?", FIRST);
		this.model.clear();
		for (int i = 0; i < JOBS; i++) {
			long id = FIRST + i;
			String owner = USERS.get(i % 2);
			boolean poisoned = i % 3 == 2;
			this.jdbc.update("insert into contention_job (id, version, state, runs, owner, poisoned)"
					+ " values (?, 0, 'IDLE', 0, ?, ?)", id, owner, poisoned);
			this.model.put(id, new Model(owner, poisoned));
		}
	}

	private enum Fault {

		NONE, VETO, POST, AFTER_COMMIT

	}

	private record Expected(Class<? extends Throwable> type, String message) {

		static final Expected COMMITS = new Expected(Throwable.class, "");

		boolean commits() {
			return this == COMMITS;
		}

	}

	/** What the database should hold for one job. */
	private static final class Model {

		final String owner;

		final boolean poisoned;

		String state = "IDLE";

		long version;

		int runs;

		final List<String> trail = new ArrayList<>();

		Model(String owner, boolean poisoned) {
			this.owner = owner;
			this.poisoned = poisoned;
		}

		void commit(String transition, String target) {
			this.runs += transition.equals("start") ? 1 : 0;
			this.state = target;
			this.version++;
			this.trail.add(transition);
		}

	}

}
