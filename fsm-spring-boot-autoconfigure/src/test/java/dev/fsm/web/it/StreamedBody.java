package dev.fsm.web.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * A POST whose body is made while it is read, never held: {@code {"note": "xxxx...} for
 * as many bytes as asked, sent in chunks (no {@code Content-Length}) or with a declared
 * length. It counts what the server read, to prove what was (not) read.
 */
final class StreamedBody extends AbstractMockHttpServletRequestBuilder<StreamedBody> {

	private static final byte[] START = "{\"note\": \"".getBytes(StandardCharsets.US_ASCII);

	private final long bytes;

	private final boolean declared;

	private final AtomicLong read = new AtomicLong();

	private StreamedBody(URI uri, long bytes, boolean declared) {
		super(HttpMethod.POST);
		uri(uri);
		this.bytes = bytes;
		this.declared = declared;
		contentType(MediaType.APPLICATION_JSON);
		if (!declared) {
			header(HttpHeaders.TRANSFER_ENCODING, "chunked");
		}
	}

	/** A body of {@code bytes} sent in chunks, its length unknown to the server. */
	static StreamedBody chunked(String path, long bytes) {
		return new StreamedBody(URI.create(path), bytes, false);
	}

	/** A body of {@code bytes} with that {@code Content-Length}. */
	static StreamedBody declared(String path, long bytes) {
		return new StreamedBody(URI.create(path), bytes, true);
	}

	/** How many bytes of the body the server read. */
	long read() {
		return this.read.get();
	}

	@Override
	protected MockHttpServletRequest createServletRequest(ServletContext servletContext) {
		return new MockHttpServletRequest(servletContext) {

			@Override
			public ServletInputStream getInputStream() {
				return new Generated();
			}

			@Override
			public long getContentLengthLong() {
				return StreamedBody.this.declared ? StreamedBody.this.bytes : -1;
			}

			@Override
			public int getContentLength() {
				return (int) Math.min(Integer.MAX_VALUE, getContentLengthLong());
			}

		};
	}

	private final class Generated extends ServletInputStream {

		@Override
		public int read() throws IOException {
			long position = StreamedBody.this.read.get();
			if (position >= StreamedBody.this.bytes) {
				return -1;
			}
			StreamedBody.this.read.incrementAndGet();
			return (position < START.length) ? START[(int) position] : 'x';
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = 0;
			while (count < length) {
				int next = read();
				if (next == -1) {
					return (count == 0) ? -1 : count;
				}
				buffer[offset + count++] = (byte) next;
			}
			return count;
		}

		@Override
		public boolean isFinished() {
			return StreamedBody.this.read.get() >= StreamedBody.this.bytes;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}

	}

}
