package dev.fsm.sample;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the log tells whoever started the sample. */
class StartupMessageTests {

	@Test
	void namesTheAddressesAndTheDemoUsers() {
		assertThat(new StartupMessage("/fsm").message("http://localhost:8080")).isEqualTo(
				"Case reports at http://localhost:8080/ (workflow console http://localhost:8080/fsm, mail outbox"
						+ " http://localhost:8080/outbox). Sign in as author@example.com (author), author2@example.com"
						+ " (author), staff@example.com (staff), password 'password'");
	}

}
