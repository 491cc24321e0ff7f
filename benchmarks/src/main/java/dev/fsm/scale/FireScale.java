package dev.fsm.scale;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

/**
 * Firing a transition over HTTP, as a client does: a real port, {@link RestClient}, a JSON body
 * and {@code If-Match} with the version it holds. The HTTP API ({@code POST
 * /api/workflows/Ticket.state/{id}/transitions/{name}}, audit trail on) against the hand-written
 * controller of {@link HandWrittenTickets} doing the same work, on PostgreSQL: first the latency
 * of one client (calls alternating, {@code repeat} of each after {@code warmup}: median and 99th
 * percentile), then the throughput of {@code clients} concurrent clients for {@code seconds}
 * each, every client on tickets of its own (no conflicts), each ticket moving between OPEN and
 * WAITING. Arguments ({@code key=value}): {@code tickets} (2000), {@code repeat} (1000),
 * {@code warmup} (500), {@code clients} (8), {@code seconds} (20).
 */
public final class FireScale {

	private final ScaleRun scale;

	private final String url;

	private final JdbcTemplate admin;

	private FireScale(ScaleRun run) {
		this.scale = run;
		this.url = run.url;
		this.admin = run.admin;
	}

	public static void main(String[] args) throws Exception {
		new FireScale(ScaleRun.of(args)).run();
		System.exit(0);
	}


	private void run() throws Exception {
		int tickets = this.scale.argument("tickets", 2000);
		int clients = this.scale.argument("clients", 8);
		this.scale.resetSchema();
		this.admin.update("insert into ticket (version, state, changed_at, title) "
				+ "select 0, 'OPEN', now(), 'Ticket ' || i from generate_series(1, ?) i", tickets);
		this.admin.execute("vacuum analyze");
		List<String> results = new ArrayList<>();
		try (ConfigurableApplicationContext context = ScaleApplication.start(WebApplicationType.SERVLET, this.url,
				false, "fsm.web.enabled=true", "fsm.web.access=permit-all", "fsm.web.read-all=true",
				"spring.datasource.hikari.maximum-pool-size=" + (clients + 2))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			RestClient http = RestClient.create("http://127.0.0.1:" + port);
			// each client its own tickets, half of them through the API, half by hand
			Client[] all = new Client[clients];
			for (int c = 0; c < clients; c++) {
				all[c] = new Client(http, c, clients, tickets);
			}
			latency(results, all[0]);
			throughput(results, all);
		}
		long api = this.scale.count("select count(*) from fsm_transition_record");
		long hand = this.scale.count("select count(*) from plain_reminder_history");
		System.out.printf(Locale.ROOT, "%d audit records, %d hand-written history rows%n", api, hand);
		System.out.println("FireScale results");
		results.forEach(System.out::println);
	}

	private void latency(List<String> results, Client client) {
		int repeat = this.scale.argument("repeat", 1000);
		for (int i = 0; i < this.scale.argument("warmup", 500); i++) {
			client.fire(true);
			client.fire(false);
		}
		long[] api = new long[repeat];
		long[] hand = new long[repeat];
		for (int i = 0; i < repeat; i++) {
			long start = System.nanoTime();
			client.fire(true);
			long middle = System.nanoTime();
			client.fire(false);
			api[i] = middle - start;
			hand[i] = System.nanoTime() - middle;
		}
		Arrays.sort(api);
		Arrays.sort(hand);
		String line = String.format(Locale.ROOT,
				"latency, 1 client (ms: median, p99)  API %6.2f %6.2f   hand-written %6.2f %6.2f   %5.2fx",
				api[repeat / 2] / 1e6, api[repeat * 99 / 100] / 1e6, hand[repeat / 2] / 1e6, hand[repeat * 99 / 100] / 1e6,
				(double) api[repeat / 2] / hand[repeat / 2]);
		System.out.println(line);
		results.add(line);
	}

	private void throughput(List<String> results, Client[] clients) throws Exception {
		int seconds = this.scale.argument("seconds", 20);
		double api = 0;
		double hand = 0;
		for (boolean throughApi : new boolean[] { true, false, true, false }) {
			double rate = throughput(clients, throughApi, seconds / 2);
			if (throughApi) {
				api += rate / 2;
			}
			else {
				hand += rate / 2;
			}
		}
		String line = String.format(Locale.ROOT,
				"throughput, %d clients (per second)  API %8.1f   hand-written %8.1f   %5.2fx", clients.length, api, hand,
				api / hand);
		System.out.println(line);
		results.add(line);
	}

	private double throughput(Client[] clients, boolean throughApi, int seconds) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(clients.length);
		try {
			long end = System.nanoTime() + seconds * 1_000_000_000L;
			List<Future<Integer>> work = new ArrayList<>();
			for (Client client : clients) {
				work.add(threads.submit(() -> {
					int fired = 0;
					while (System.nanoTime() < end) {
						client.fire(throughApi);
						fired++;
					}
					return fired;
				}));
			}
			long fired = 0;
			for (Future<Integer> each : work) {
				fired += each.get();
			}
			return fired / (double) seconds;
		}
		finally {
			threads.shutdownNow();
		}
	}



	/** One client: its tickets, the version and state it last saw of each. */
	private static final class Client {

		private final RestClient http;

		private final long[] apiIds;

		private final long[] handIds;

		private final Map<Long, long[]> seen = new java.util.HashMap<>();

		private int nextApi;

		private int nextHand;

		Client(RestClient http, int index, int clients, int tickets) {
			this.http = http;
			List<Long> api = new ArrayList<>();
			List<Long> hand = new ArrayList<>();
			for (long id = 1 + index; id <= tickets; id += clients) {
				(api.size() <= hand.size() ? api : hand).add(id);
			}
			this.apiIds = api.stream().mapToLong(Long::longValue).toArray();
			this.handIds = hand.stream().mapToLong(Long::longValue).toArray();
		}

		/** Moves the next ticket of its slice: OPEN to WAITING, or back. */
		void fire(boolean throughApi) {
			long id = throughApi ? this.apiIds[this.nextApi++ % this.apiIds.length]
					: this.handIds[this.nextHand++ % this.handIds.length];
			long[] versionAndOpen = this.seen.computeIfAbsent(id, (key) -> new long[] { 0, 1 });
			String transition = (versionAndOpen[1] == 1) ? "waitForCustomer" : "resume";
			String uri = (throughApi ? "/api/workflows/Ticket.state/" : "/hand/tickets/") + id + "/transitions/"
					+ transition;
			ResponseEntity<String> answer = this.http.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.header("If-Match", "\"" + versionAndOpen[0] + "\"")
				.body("{}")
				.retrieve()
				.toEntity(String.class);
			versionAndOpen[0]++;
			versionAndOpen[1] = 1 - versionAndOpen[1];
			if (!answer.getStatusCode().is2xxSuccessful()) {
				throw new IllegalStateException(uri + " answered " + answer.getStatusCode());
			}
		}

	}

}
