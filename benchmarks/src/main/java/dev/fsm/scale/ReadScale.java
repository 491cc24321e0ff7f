package dev.fsm.scale;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Reads at volume, measured as an operator's console and an application's pages make them: the
 * {@link Ticket} workflow on PostgreSQL grown to each size of {@code sizes} (tickets, with three
 * audit records each), and at each size the reads of the HTTP API (a real port,
 * {@link RestClient}, JSON) next to a hand-written controller ({@link HandWrittenTickets}) returning
 * the same data, interleaved, {@code repeat} times each after {@code warmup} uncounted calls; it prints
 * the median and the 99th percentile in milliseconds and the ratio of the medians.
 * <p>
 * The reads: the counts per state (the console's home, each counted up to 10,000), the first page
 * of the open tickets and a page of the closed ones half-way through them (keyset pages, oldest in
 * their state first, with when each entered it), the first page of all tickets by time in state,
 * one ticket, and one ticket's history page. Arguments ({@code key=value}): {@code sizes} (10000,100000,1000000,10000000),
 * {@code repeat} (200), {@code warmup} (50). The database is {@code FSM_BENCH_POSTGRES_URL}, by
 * default {@code fsm_bench} on 127.0.0.1.
 */
public final class ReadScale {

	private static final String TICKETS = "/api/workflows/Ticket.state";

	private final ScaleRun scale;

	private final String url;

	private final JdbcTemplate admin;

	private ReadScale(ScaleRun run) {
		this.scale = run;
		this.url = run.url;
		this.admin = run.admin;
	}

	public static void main(String[] args) throws Exception {
		new ReadScale(ScaleRun.of(args)).run();
		System.exit(0);
	}

	private void run() throws IOException {
		int[] sizes = Arrays.stream(this.scale.argument("sizes", "10000,100000,1000000,10000000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		int repeat = Integer.parseInt(this.scale.argument("repeat", "200"));
		int warmup = Integer.parseInt(this.scale.argument("warmup", "50"));
		this.scale.resetSchema();
		List<String> results = new ArrayList<>();
		try (ConfigurableApplicationContext context = ScaleApplication.start(WebApplicationType.SERVLET, this.url,
				false, "fsm.web.enabled=true", "fsm.web.access=permit-all", "fsm.web.read-all=true")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RestClient http = RestClient.create("http://127.0.0.1:" + port);
			int tickets = 0;
			for (int size : sizes) {
				grow(tickets, size);
				tickets = size;
				long audit = this.scale.count("select count(*) from fsm_transition_record");
				System.out.printf(Locale.ROOT, "%,d tickets, %,d audit records%n", size, audit);
				int open = (int) this.scale.count("select count(*) from ticket where state = 'OPEN'");
				String deep = cursor(Math.min(size / 2, 1_000_000));
				compare(results, size, "counts per state", repeat, warmup, http, TICKETS + "/states",
						"/hand/tickets/states");
				compare(results, size, "first page in a state", repeat, warmup, http,
						TICKETS + "?state=OPEN&size=20&after=", "/hand/tickets?state=OPEN&size=20");
				compare(results, size, "a deep page in a state", repeat, warmup, http,
						TICKETS + "?state=CLOSED&size=20&after=" + deep.split(" ")[0],
						"/hand/tickets?state=CLOSED&size=20&" + deep.split(" ")[1]);
				compare(results, size, "time in state, all", repeat, warmup, http, TICKETS + "?size=20&after=",
						"/hand/tickets/by-age?size=20");
				compare(results, size, "one entity", repeat, warmup, http, TICKETS + "/{id}", "/hand/tickets/{id}");
				compare(results, size, "history page", repeat, warmup, http, TICKETS + "/{id}/history",
						"/hand/tickets/{id}/history");
				System.out.printf(Locale.ROOT, "(%d open tickets)%n", open);
			}
		}
		System.out.println("ReadScale results (ms: median, p99; ratio of the medians)");
		results.forEach(System.out::println);
	}

	private static void get(RestClient http, String uri, long id) {
		String body = http.get().uri(uri.replace("{id}", Long.toString(id))).retrieve().body(String.class);
		if (body == null || body.isEmpty()) {
			throw new IllegalStateException("No answer from " + uri);
		}
	}

	private static long randomId(int last) {
		return 1 + ThreadLocalRandom.current().nextInt(last);
	}

	/**
	 * Calls {@code api} and {@code handWritten} in turn ({@code {id}} a random ticket, the same for
	 * both), times each call.
	 */
	private void compare(List<String> results, int size, String read, int repeat, int warmup, RestClient http,
			String api, String handWritten) {
		for (int i = 0; i < warmup; i++) {
			long id = randomId(size);
			get(http, api, id);
			get(http, handWritten, id);
		}
		long[] apiTimes = new long[repeat];
		long[] handTimes = new long[repeat];
		for (int i = 0; i < repeat; i++) {
			long id = randomId(size);
			long start = System.nanoTime();
			get(http, api, id);
			long middle = System.nanoTime();
			get(http, handWritten, id);
			apiTimes[i] = middle - start;
			handTimes[i] = System.nanoTime() - middle;
		}
		Arrays.sort(apiTimes);
		Arrays.sort(handTimes);
		String line = String.format(Locale.ROOT,
				"%,11d rows  %-24s API %8.2f %8.2f   hand-written %8.2f %8.2f   %5.2fx", size, read,
				apiTimes[repeat / 2] / 1e6, apiTimes[repeat * 99 / 100] / 1e6, handTimes[repeat / 2] / 1e6,
				handTimes[repeat * 99 / 100] / 1e6, (double) apiTimes[repeat / 2] / handTimes[repeat / 2]);
		System.out.println(line);
		results.add(line);
	}

	/**
	 * The position after the {@code skip}th closed ticket (oldest first): the API's cursor and the
	 * hand-written controller's parameters, separated by a space.
	 */
	private String cursor(int skip) {
		java.util.Map<String, Object> row = this.admin.queryForMap(
				"select changed_at, id from ticket where state = 'CLOSED' order by changed_at, id offset ? limit 1", skip);
		java.time.Instant time = ((java.sql.Timestamp) row.get("changed_at")).toInstant();
		long id = ((Number) row.get("id")).longValue();
		String cursor = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("t|" + time + "|" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return cursor + " since=" + time + "&id=" + id;
	}

	/** Adds tickets {@code from + 1} to {@code to}, three audit records each, then vacuums. */
	private void grow(int from, int to) {
		this.admin.update("insert into ticket (version, state, changed_at, title) select 3, case "
				+ "when i % 20 < 12 then 'CLOSED' when i % 20 < 16 then 'OPEN' when i % 20 < 18 then 'WAITING' "
				+ "when i % 20 = 18 then 'SOLVED' else 'NEW' end, now() - (i % 100000) * interval '1 minute', "
				+ "'Ticket ' || i from generate_series(?, ?) i", from + 1, to);
		this.admin.update("insert into fsm_transition_record (entity_type, entity_id, workflow, seq_no, "
				+ "transition_name, source_state, target_state, actor, occurred_at, outcome) "
				+ "select 'Ticket', t.id::text, 'Ticket.state', s, (array['open', 'solve', 'close'])[s], "
				+ "(array['NEW', 'OPEN', 'SOLVED'])[s], (array['OPEN', 'SOLVED', 'CLOSED'])[s], 'user' || (t.id % 50), "
				+ "t.changed_at - (3 - s) * interval '1 hour', 'COMPLETED' "
				+ "from ticket t cross join generate_series(1, 3) s where t.id > ? and t.id <= ?", from, to);
		this.admin.execute("vacuum analyze");
	}



}
