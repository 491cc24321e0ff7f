package dev.fsm.operations.drift;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Three workflows whose tables a test creates and fills by hand, as a migration would
 * have left them: an enum stored by name, a String state and an enum stored by ordinal.
 */
@SpringBootApplication
public class DriftApplication {

	private static final AtomicInteger runnerRuns = new AtomicInteger();

	/**
	 * How often the application's runner ran: a runner that sends mails must not run for
	 * a check.
	 */
	public static int runnerRuns() {
		return runnerRuns.get();
	}

	@Bean
	ApplicationRunner countingRunner() {
		return (args) -> runnerRuns.incrementAndGet();
	}

	/**
	 * Portable DDL of the three tables (no check constraints: rows hold what older
	 * versions wrote).
	 */
	public static final String[] TABLES = {
			"create table drift_parcel (id bigint not null primary key, version bigint, state varchar(32))",
			"create table drift_note (id bigint not null primary key, version bigint, status varchar(32))",
			"create table drift_bulb (id bigint not null primary key, version bigint, state integer)" };

}
