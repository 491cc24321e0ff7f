package dev.fsm.web.it;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The attack of the issue: parallel 60 MB bodies to a fire endpoint. The web test
 * application runs in a JVM of its own with a 128 MB heap (four such bodies are 240 MB),
 * and the bodies are made while they are sent, never held by the test either. Every one
 * is answered 413 (403 for a user who may not fire, whose body is not read at all), the
 * server stays up without an {@code OutOfMemoryError}, nothing was fired, and a normal
 * request still works.
 */
class LargeBodiesInASmallHeapTests {

	private static final long SIXTY_MB = 60L * 1024 * 1024;

	private static final int PARALLEL = 4;

	private static Process server;

	private static final StringBuffer output = new StringBuffer();

	private static int port;

	private static long claim;

	@BeforeAll
	static void startServerWithASmallHeap() throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		server = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), SmallHeapServer.class.getName())
			.redirectErrorStream(true)
			.start();
		CountDownLatch ready = new CountDownLatch(1);
		Thread pump = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					output.append(line).append('\n');
					Matcher started = Pattern.compile("READY port=(\\d+) claim=(\\d+)").matcher(line);
					if (started.find()) {
						port = Integer.parseInt(started.group(1));
						claim = Long.parseLong(started.group(2));
						ready.countDown();
					}
				}
			}
			catch (IOException ex) {
				output.append(ex).append('\n');
			}
		}, "small-heap-server-output");
		pump.setDaemon(true);
		pump.start();
		assertThat(ready.await(120, TimeUnit.SECONDS)).as("the server started: %s", output).isTrue();
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		if (server != null) {
			server.destroy();
			if (!server.waitFor(20, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	@Test
	void parallelSixtyMegabyteBodiesAreRefusedWithoutOutOfMemoryAndFireNothing() throws Exception {
		String fire = "POST /api/workflows/Claim.state/" + claim + "/transitions/assess HTTP/1.1\r\n";
		List<Answer> answers = parallel(fire, "ann", false);
		answers.addAll(parallel(fire, "ann", true));
		assertThat(answers).hasSize(2 * PARALLEL).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(413);
			assertThat(answer.body()).contains("urn:fsm:problem:too-large");
		});
		List<Answer> denied = parallel(fire, "bob", true);
		assertThat(denied).hasSize(PARALLEL).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.body()).isEqualTo(403);
			assertThat(answer.body()).contains("urn:fsm:problem:denied");
		});

		assertThat(server.isAlive()).isTrue();
		assertThat(output.toString()).doesNotContain("OutOfMemoryError");
		Answer unchanged = send("GET /api/workflows/Claim.state/" + claim + " HTTP/1.1\r\n", "ann", null, 0, false);
		assertThat(unchanged.status()).isEqualTo(200);
		assertThat(unchanged.body()).contains("\"state\":\"FILED\"").contains("\"version\":0");
		byte[] small = "{\"amount\": 5, \"note\": \"after the storm\"}".getBytes(StandardCharsets.UTF_8);
		Answer fired = send(fire, "ann", small, small.length, false);
		assertThat(fired.status()).as(fired.body()).isEqualTo(200);
		assertThat(fired.body()).contains("\"state\":\"ASSESSED\"").contains("\"version\":1");
	}

	private List<Answer> parallel(String requestLine, String user, boolean chunked) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(PARALLEL);
		try {
			List<Future<Answer>> futures = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				futures.add(clients.submit(() -> send(requestLine, user, null, SIXTY_MB, chunked)));
			}
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> future : futures) {
				answers.add(future.get(3, TimeUnit.MINUTES));
			}
			return answers;
		}
		finally {
			clients.shutdownNow();
		}
	}

	/**
	 * Sends a request over a socket of its own, its body made while it is written
	 * ({@code body} null: {@code {"note": "xxx...} of {@code length} bytes), and reads
	 * the answer meanwhile; stops writing once the answer is in or the server stops
	 * reading.
	 */
	private static Answer send(String requestLine, String user, byte[] body, long length, boolean chunked)
			throws Exception {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) Duration.ofMinutes(2).toMillis());
			CompletableFuture<Answer> answer = CompletableFuture.supplyAsync(() -> read(socket));
			OutputStream out = socket.getOutputStream();
			String credentials = Base64.getEncoder()
				.encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
			StringBuilder head = new StringBuilder(requestLine).append("Host: 127.0.0.1:")
				.append(port)
				.append("\r\nAuthorization: Basic ")
				.append(credentials)
				.append("\r\nConnection: close\r\n");
			if (length > 0 || body != null) {
				head.append("Content-Type: application/json\r\nIf-Match: *\r\n");
				head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
			}
			try {
				out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
				writeBody(out, body, length, chunked, answer);
				out.flush();
			}
			catch (IOException ex) {
				// the server answered and closed: the answer is what counts
			}
			return answer.get(2, TimeUnit.MINUTES);
		}
	}

	private static void writeBody(OutputStream out, byte[] body, long length, boolean chunked,
			CompletableFuture<Answer> answer) throws IOException {
		byte[] chunk = new byte[64 * 1024];
		Arrays.fill(chunk, (byte) 'x');
		byte[] start = "{\"note\": \"".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(start, 0, chunk, 0, start.length);
		if (body != null) {
			chunk = body;
		}
		long written = 0;
		while (written < length && !answer.isDone()) {
			int size = (int) Math.min(chunk.length, length - written);
			if (chunked) {
				out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			out.write(chunk, 0, size);
			if (chunked) {
				out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			written += size;
			if (written == size) {
				chunk = Arrays.copyOf(chunk, chunk.length);
				Arrays.fill(chunk, 0, Math.min(start.length, chunk.length), (byte) 'x');
			}
		}
		if (chunked && !answer.isDone()) {
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		}
	}

	/** The status and body of the answer (Content-Length or chunked). */
	private static Answer read(Socket socket) {
		try {
			InputStream in = socket.getInputStream();
			String status = line(in);
			int code = Integer.parseInt(status.split(" ")[1]);
			long contentLength = -1;
			boolean chunked = false;
			String header;
			while (!(header = line(in)).isEmpty()) {
				String lower = header.toLowerCase();
				if (lower.startsWith("content-length:")) {
					contentLength = Long.parseLong(header.substring(15).trim());
				}
				if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
					chunked = true;
				}
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			if (chunked) {
				int size;
				while ((size = Integer.parseInt(line(in).trim(), 16)) > 0) {
					body.write(in.readNBytes(size));
					line(in);
				}
			}
			else if (contentLength >= 0) {
				body.write(in.readNBytes((int) contentLength));
			}
			return new Answer(code, body.toString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("No answer: " + ex, ex);
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int next;
		while ((next = in.read()) != -1 && next != '\n') {
			if (next != '\r') {
				line.write(next);
			}
		}
		if (next == -1 && line.size() == 0) {
			throw new IOException("connection closed");
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

	private record Answer(int status, String body) {

	}

}
