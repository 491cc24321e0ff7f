package dev.fsm.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.FastByteArrayOutputStream;

/**
 * The body of a request that fires a transition: {@code application/json} (UTF-8) only,
 * so that no cross-site form ({@code text/plain},
 * {@code application/x-www-form-urlencoded}, {@code multipart/form-data}) can send one
 * without a CORS preflight; and at most {@code fsm.web.max-request-size} bytes, refused
 * by its {@code Content-Length} before anything is read, and by counting while reading
 * when it is sent in chunks. Nothing is buffered beyond the limit.
 */
final class JsonBody {

	private static final int CHUNK = 8192;

	private JsonBody() {
	}

	/**
	 * @throws WorkflowApiException 415 unless the request says it is
	 * {@code application/json} in UTF-8 (a {@code charset} other than UTF-8 is refused
	 * too)
	 */
	static void requireJson(HttpServletRequest request) {
		String header = request.getContentType();
		MediaType type = null;
		if (header != null) {
			try {
				type = MediaType.parseMediaType(header);
			}
			catch (InvalidMediaTypeException ex) {
				type = null;
			}
		}
		boolean json = type != null && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)
				&& (type.getCharset() == null || StandardCharsets.UTF_8.equals(type.getCharset()));
		if (!json) {
			throw new WorkflowApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"Firing a transition takes a JSON body: send Content-Type: application/json"
							+ ((header != null) ? ", not " + header : ""),
					Map.of("accept", MediaType.APPLICATION_JSON_VALUE));
		}
	}

	/**
	 * Whether the request may have a body: any but one of {@code Content-Length: 0}
	 * (chunked HTTP/1.1 bodies and HTTP/2 ones have no length).
	 */
	static boolean isPresent(HttpServletRequest request) {
		return request.getContentLengthLong() != 0;
	}

	/**
	 * @throws WorkflowApiException 413 when the {@code Content-Length} is over the limit,
	 * before a byte is read
	 */
	static void requireWithin(HttpServletRequest request, long maxBytes) {
		if (request.getContentLengthLong() > maxBytes) {
			throw tooLarge(maxBytes);
		}
	}

	/**
	 * The body, read up to the limit.
	 * @throws WorkflowApiException 413 as soon as more than {@code maxBytes} arrive
	 */
	static byte[] read(HttpServletRequest request, long maxBytes) {
		requireWithin(request, maxBytes);
		FastByteArrayOutputStream body = new FastByteArrayOutputStream(
				(int) Math.min(Math.max(request.getContentLengthLong(), CHUNK), maxBytes));
		byte[] chunk = new byte[CHUNK];
		try (InputStream in = request.getInputStream()) {
			long total = 0;
			int read;
			while ((read = in.read(chunk, 0, (int) Math.min(CHUNK, maxBytes - total + 1))) != -1) {
				total += read;
				if (total > maxBytes) {
					throw tooLarge(maxBytes);
				}
				body.write(chunk, 0, read);
			}
		}
		catch (IOException ex) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"The request body could not be read: " + ex.getMessage());
		}
		return body.toByteArrayUnsafe();
	}

	private static WorkflowApiException tooLarge(long maxBytes) {
		return new WorkflowApiException(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the " + maxBytes
				+ " bytes this API accepts (fsm.web.max-request-size)", Map.of("maxBytes", maxBytes));
	}

}
