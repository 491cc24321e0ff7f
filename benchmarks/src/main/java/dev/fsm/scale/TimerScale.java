package dev.fsm.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;

/**
 * Timers at volume, measured as an operator would see them: {@code entities} reminders fall due
 * at one instant on PostgreSQL (audit trail on), and the harness times how long they take to be
 * done, by
 * <ul>
 * <li>{@code byId}: one thread per instance firing the same transition by id in a loop (the
 * limit for one transaction per entity),</li>
 * <li>{@code timers}: the starter's timed transitions ({@code fsm.timers.*}),</li>
 * <li>{@code dbScheduler}: db-scheduler one-time tasks, one per entity, each doing the same work
 * by hand ({@link PlainReminders}), one execution thread per instance,</li>
 * </ul>
 * with one and two application instances (contexts in this JVM, each with its own pool). After
 * each variant it checks exactly once: every entity changed, one history row each.
 * <p>
 * Arguments ({@code key=value}): {@code entities} (100000), {@code instances} (1,2),
 * {@code variants} (byId,timers,dbScheduler), {@code rounds} (1), {@code warmup} (entities of the
 * uncounted first pass of every variant, which compiles the hot code, 2000), {@code dbSchedulerFetch} (db-scheduler's upper limit of
 * executions fetched per thread and poll, 3.0), {@code batch} (the timers'
 * {@code fsm.timers.batch-size}, 100), {@code max} (seconds a variant may take, 1800), {@code properties} (more properties of
 * every instance, separated by {@code ;}). The
 * database is {@code FSM_BENCH_POSTGRES_URL}, by default {@code fsm_bench} on 127.0.0.1.
 */
public final class TimerScale {

	private final ScaleRun scale;

	private final String url;

	private final JdbcTemplate admin;

	private TimerScale(ScaleRun run) {
		this.scale = run;
		this.url = run.url;
		this.admin = run.admin;
	}

	public static void main(String[] args) throws Exception {
		new TimerScale(ScaleRun.of(args)).run();
		System.exit(0);
	}


	private void run() throws Exception {
		int entities = Integer.parseInt(this.scale.argument("entities", "100000"));
		int rounds = Integer.parseInt(this.scale.argument("rounds", "1"));
		List<String> variants = Arrays.asList(this.scale.argument("variants", "byId,timers,dbScheduler").split(","));
		int[] instances = Arrays.stream(this.scale.argument("instances", "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
		System.out.printf(Locale.ROOT, "TimerScale: %d entities, instances %s, variants %s, %d round(s), %s%n",
				entities, Arrays.toString(instances), variants, rounds, this.url);
		int warmup = Integer.parseInt(this.scale.argument("warmup", "2000"));
		if (warmup > 0) {
			System.out.printf(Locale.ROOT, "warm-up: each variant once on %d entities, not counted%n", warmup);
			for (String variant : variants) {
				measure(variant, instances[instances.length - 1], warmup);
			}
		}
		List<String> results = new ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			for (int count : instances) {
				double byIdRate = Double.NaN;
				for (String variant : variants) {
					double rate = measure(variant, count, entities);
					if (variant.equals("byId")) {
						byIdRate = rate;
					}
					String line = String.format(Locale.ROOT, "round %d  %-12s instances %d  %8.1f per second  %5.2fx byId",
							round, variant, count, rate, rate / byIdRate);
					System.out.println(line);
					results.add(line);
				}
			}
		}
		System.out.println("TimerScale results");
		results.forEach(System.out::println);
	}

	private double measure(String variant, int instances, int entities) throws Exception {
		this.scale.resetSchema();
		List<ConfigurableApplicationContext> contexts = new ArrayList<>();
		ScaleApplication.offset = Duration.ofDays(-1);
		try {
			for (int i = 0; i < instances; i++) {
				List<String> properties = new ArrayList<>(List.of("fsm.timers.batch-size=" + this.scale.argument("batch", "100"),
						"spring.datasource.hikari.pool-name=instance-" + i));
				String more = this.scale.argument("properties", "");
				if (!more.isEmpty()) {
					properties.addAll(Arrays.asList(more.split(";")));
				}
				contexts.add(ScaleApplication.start(this.url, variant.equals("timers"), properties.toArray(String[]::new)));
			}
			seed(variant, entities);
			long seconds = Long.parseLong(this.scale.argument("max", "1800"));
			return switch (variant) {
				case "byId" -> byId(contexts, entities, seconds);
				case "timers" -> timers(entities, seconds);
				case "dbScheduler" -> dbScheduler(contexts, entities, seconds);
				default -> throw new IllegalArgumentException("Unknown variant " + variant);
			};
		}
		finally {
			ScaleApplication.offset = Duration.ofDays(-1);
			contexts.forEach(ConfigurableApplicationContext::close);
		}
	}


	private void seed(String variant, int entities) {
		String table = variant.equals("dbScheduler") ? "plain_reminder" : "reminder";
		this.admin.update("insert into " + table + " (version, state, changed_at) "
				+ "select 0, 'WAITING', now() - interval '2 hours' from generate_series(1, ?)", entities);
		if (variant.equals("dbScheduler")) {
			// what SchedulerClient.scheduleBatch writes, in one statement: one due execution per entity
			this.admin.update("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) "
					+ "select 'expire', id::text, now() - interval '1 second', false, 1 from plain_reminder");
		}
		this.admin.execute("vacuum analyze");
	}

	private double byId(List<ConfigurableApplicationContext> contexts, int entities, long seconds) throws Exception {
		List<Long> ids = this.admin.queryForList("select id from reminder order by id", Long.class);
		ExecutorService threads = Executors.newFixedThreadPool(contexts.size());
		try {
			long start = System.nanoTime();
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < contexts.size(); t++) {
				Transitions transitions = contexts.get(t).getBean(Transitions.class);
				int first = t;
				work.add(threads.submit(() -> {
					for (int i = first; i < ids.size(); i += contexts.size()) {
						transitions.fire(EntityRef.of(Reminder.class, ids.get(i)), "expire");
					}
				}));
			}
			for (Future<?> each : work) {
				each.get();
			}
			double rate = entities / ((System.nanoTime() - start) / 1e9);
			checkExactlyOnce("reminder", "fsm_transition_record", entities);
			return rate;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private double timers(int entities, long seconds) throws InterruptedException {
		long start = System.nanoTime();
		ScaleApplication.offset = Duration.ZERO;
		double rate = drain(() -> this.scale.count("select count(*) from reminder where state = 'EXPIRED'"), entities, start,
				seconds);
		checkExactlyOnce("reminder", "fsm_transition_record", entities);
		return rate;
	}

	private double dbScheduler(List<ConfigurableApplicationContext> contexts, int entities, long seconds)
			throws InterruptedException {
		List<Scheduler> schedulers = new ArrayList<>();
		for (int i = 0; i < contexts.size(); i++) {
			ConfigurableApplicationContext context = contexts.get(i);
			PlainReminders reminders = new PlainReminders(context.getBean(JdbcTemplate.class),
					context.getBean(TransactionTemplate.class));
			OneTimeTask<Void> expire = Tasks.oneTime("expire")
				.execute((instance, execution) -> reminders.expire(Long.parseLong(instance.getId())));
			schedulers.add(Scheduler.create(context.getBean(DataSource.class), expire)
				.threads(1)
				.pollingInterval(Duration.ofMillis(100))
				.pollUsingLockAndFetch(0.5, Double.parseDouble(this.scale.argument("dbSchedulerFetch", "3.0")))
				.schedulerName(new SchedulerName.Fixed("instance-" + i))
				.build());
		}
		long start = System.nanoTime();
		schedulers.forEach(Scheduler::start);
		try {
			double rate = drain(() -> this.scale.count("select count(*) from plain_reminder where state = 'EXPIRED'"), entities,
					start, seconds);
			checkExactlyOnce("plain_reminder", "plain_reminder_history", entities);
			return rate;
		}
		finally {
			schedulers.forEach(Scheduler::stop);
		}
	}

	/** Waits until {@code done} reaches {@code entities}; prints the rate of each tenth. */
	private double drain(LongSupplier done, int entities, long start, long seconds) throws InterruptedException {
		long deadline = start + Duration.ofSeconds(seconds).toNanos();
		long lastCount = 0;
		long lastTime = start;
		int nextTenth = 1;
		while (true) {
			long now = System.nanoTime();
			long count = done.getAsLong();
			if (count >= (long) entities * nextTenth / 10) {
				System.out.printf(Locale.ROOT, "  %3d%% after %6.1f s, %8.1f per second since the last line%n",
						nextTenth * 10, (now - start) / 1e9, (count - lastCount) / ((now - lastTime) / 1e9));
				lastCount = count;
				lastTime = now;
				while (count >= (long) entities * nextTenth / 10 && nextTenth <= 10) {
					nextTenth++;
				}
			}
			if (count >= entities) {
				return entities / ((now - start) / 1e9);
			}
			if (now > deadline) {
				throw new IllegalStateException(count + " of " + entities + " done after " + seconds + " s");
			}
			Thread.sleep(50);
		}
	}

	private void checkExactlyOnce(String table, String history, int entities) {
		long changed = this.scale.count("select count(*) from " + table + " where state = 'EXPIRED' and version = 1");
		long rows = this.scale.count("select count(*) from " + history);
		long distinct = this.scale.count("select count(distinct entity_id) from " + history);
		if (changed != entities || rows != entities || distinct != entities) {
			throw new IllegalStateException(String.format(Locale.ROOT,
					"Not exactly once: %d of %d %s rows expired at version 1, %d history rows for %d entities",
					changed, entities, table, rows, distinct));
		}
	}


}
