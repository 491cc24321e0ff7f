package dev.fsm.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;
import dev.fsm.UnknownStateException;
import dev.fsm.actuate.WorkflowFormat;
import dev.fsm.actuate.WorkflowsEndpoint;
import dev.fsm.actuate.WorkflowsEndpoint.StoredStatesDescriptor;
import dev.fsm.operations.drift.DriftApplication;
import dev.fsm.operations.drift.Note;
import dev.fsm.operations.drift.Parcel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check of stored states against the declared ones, on H2 and, with the database
 * profiles, on PostgreSQL and MariaDB: rows left by an older version (a renamed enum
 * constant stored by name, a removed String state, a removed enum constant stored by
 * ordinal, NULL) are counted per workflow, and the start-up fails, warns or says nothing
 * as {@code fsm.validation.stored-states} says.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoredStateCheckTests {

	static final String REPORT = """
			7 rows hold a state its workflow does not declare; the first transition of each would fail with UnknownStateException:

			Workflow Bulb.state (table drift_bulb, column state; declared: OFF, ON)
			    2 in 1 row
			  Repair each entity with transitions.forceState(entity, "<state>", "<reason>") (audited, version + 1), or all rows at once in SQL (not audited), <state> one of 0, 1:
			    UPDATE drift_bulb SET state = <state> WHERE state = 2;

			Workflow Note.status (table drift_note, column status; declared: draft, published)
			    'archived' in 2 rows
			  Repair each entity with transitions.forceState(entity, "<state>", "<reason>") (audited, version + 1), or all rows at once in SQL (not audited), <state> one of 'draft', 'published':
			    UPDATE drift_note SET status = <state> WHERE status = 'archived';

			Workflow Parcel.state (table drift_parcel, column state; declared: RECEIVED, SORTED, DELIVERED)
			    NULL in 1 row
			    'SORTING' in 3 rows
			  Repair each entity with transitions.forceState(entity, "<state>", "<reason>") (audited, version + 1), or all rows at once in SQL (not audited), <state> one of 'RECEIVED', 'SORTED', 'DELIVERED':
			    UPDATE drift_parcel SET state = <state> WHERE state IS NULL;
			    UPDATE drift_parcel SET state = <state> WHERE state = 'SORTING';""";

	/** H2 by default; the database profiles set the URL of the real server. */
	private final String url = (System.getProperty("spring.datasource.url") != null) ? null
			: "jdbc:h2:mem:drift-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

	@BeforeEach
	void rowsAnOlderVersionLeft() {
		try (ConfigurableApplicationContext application = start("off")) {
			JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
			for (String table : List.of("drift_parcel", "drift_note", "drift_bulb")) {
				try {
					jdbc.execute("drop table " + table);
				}
				catch (RuntimeException ex) {
					// not there yet
				}
			}
			for (String table : DriftApplication.TABLES) {
				jdbc.execute(table);
			}
			insert(jdbc, "drift_parcel", "state", "'RECEIVED'", "'RECEIVED'", "'SORTING'", "'SORTING'", "'SORTING'",
					"NULL", "'DELIVERED'");
			insert(jdbc, "drift_note", "status", "'draft'", "'archived'", "'archived'", "'published'");
			insert(jdbc, "drift_bulb", "state", "0", "1", "2");
		}
	}

	@Test
	void countsTheRowsOfEachWorkflowWhoseStoredStateIsNoDeclaredState() {
		try (ConfigurableApplicationContext application = start("off")) {
			StoredStateReport report = application.getBean(StoredStateCheck.class).check();

			assertThat(report.isClean()).isFalse();
			assertThat(report.rows()).isEqualTo(7);
			assertThat(report.checked()).containsExactly("Bulb.state", "Note.status", "Parcel.state");
			assertThat(report.message()).isEqualTo(REPORT);
			assertThat(application.getBean(StateCounts.class)
				.count(application.getBean(Transitions.class).workflow(Parcel.class))
				.byState()).containsExactly(entry("RECEIVED", 2L), entry("SORTED", 0L), entry("DELIVERED", 1L));
		}
	}

	@Test
	void failStopsTheStartUpWithTheWorkflowsValuesCountsAndRepair(CapturedOutput output) {
		assertThatExceptionOfType(UndeclaredStoredStatesException.class).isThrownBy(() -> start("fail").close())
			.withMessage(REPORT)
			.satisfies((ex) -> assertThat(ex.getReport().rows()).isEqualTo(7));
		assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
			.contains("UPDATE drift_parcel SET state = <state> WHERE state = 'SORTING';")
			.contains("set fsm.validation.stored-states=warn to start all the same");
	}

	@Test
	void warnLogsTheReportAndStarts(CapturedOutput output) {
		try (ConfigurableApplicationContext application = start("warn")) {
			assertThat(output.getAll()).contains(REPORT.lines().toList().get(0))
				.contains("UPDATE drift_parcel SET state = <state> WHERE state = 'SORTING';")
				.contains("(fsm.validation.stored-states=warn; set it to fail to stop the start-up instead)");
			assertThatExceptionOfType(UnknownStateException.class)
				.as("what the check warns about: the first transition of such a row")
				.isThrownBy(() -> application.getBean(Transitions.class).fire(EntityRef.of(Note.class, 2L), "publish"));
		}
	}

	@Test
	void afterTheRepairTheStartUpWithFailSucceeds() {
		try (ConfigurableApplicationContext application = start("off")) {
			Transitions transitions = application.getBean(Transitions.class);
			JdbcTemplate jdbc = application.getBean(JdbcTemplate.class);
			// the audited way for one entity (a String state loads), the report's SQL for
			// all the rows of a value
			TransactionTemplate transaction = new TransactionTemplate(
					application.getBean(PlatformTransactionManager.class));
			EntityManager entityManager = SharedEntityManagerCreator
				.createSharedEntityManager(application.getBean(EntityManagerFactory.class));
			transaction.executeWithoutResult((status) -> transitions.forceState(entityManager.find(Note.class, 2L),
					"published", "archived is no state any more"));
			assertThat(application.getBean(StoredStateCheck.class).check().message()).contains("'archived' in 1 row");
			jdbc.update("UPDATE drift_note SET status = 'published' WHERE status = 'archived'");
			jdbc.update("UPDATE drift_parcel SET state = 'SORTED' WHERE state = 'SORTING'");
			jdbc.update("UPDATE drift_parcel SET state = 'RECEIVED' WHERE state IS NULL");
			jdbc.update("UPDATE drift_bulb SET state = 0 WHERE state = 2");
			assertThat(application.getBean(StoredStateCheck.class).check().isClean()).isTrue();
			transitions.fire(EntityRef.of(Parcel.class, 3L), "deliver");
		}
		try (ConfigurableApplicationContext application = start("fail")) {
			assertThat(application.getBean(StoredStateCheck.class).check().message())
				.isEqualTo("Every stored state is a declared state (Bulb.state, Note.status, Parcel.state)");
		}
	}

	@Test
	void theActuatorEndpointReportsOnDemand() {
		try (ConfigurableApplicationContext application = start("off",
				"--management.endpoints.web.exposure.include=workflows")) {
			Object body = application.getBean(WorkflowsEndpoint.class)
				.workflow("stored-states", WorkflowFormat.JSON, null)
				.getBody();

			assertThat(body).isInstanceOfSatisfying(StoredStatesDescriptor.class, (report) -> {
				assertThat(report.clean()).isFalse();
				assertThat(report.rows()).isEqualTo(7);
				assertThat(report.message()).isEqualTo(REPORT);
				assertThat(report.workflows()).hasSize(3).last().satisfies((parcel) -> {
					assertThat(parcel.name()).isEqualTo("Parcel.state");
					assertThat(parcel.undeclared()).extracting((u) -> u.value() + "=" + u.rows())
						.containsExactly("null=1", "SORTING=3");
				});
			});
		}
	}

	@Test
	void aWorkflowWhoseTableCannotBeReadIsReportedUncheckedAndTheStartUpGoesOn(CapturedOutput output) {
		try (ConfigurableApplicationContext application = start("off")) {
			application.getBean(JdbcTemplate.class).execute("drop table drift_bulb");
		}
		try (ConfigurableApplicationContext application = start("warn")) {
			StoredStateReport report = application.getBean(StoredStateCheck.class).check();
			assertThat(report.unchecked()).containsExactly("Bulb.state");
			assertThat(report.checked()).containsExactly("Note.status", "Parcel.state");
			assertThat(report.rows()).isEqualTo(6);
			assertThat(output.getAll()).contains("Could not count the stored states of workflow Bulb.state: ");
		}
	}

	@Test
	void theCommandOfTheMavenGoalStartsTheApplicationWithoutItsRunnersAndReports() {
		List<String> args = new ArrayList<>(List.of("--spring.jpa.hibernate.ddl-auto=none", "--fsm.audit.enabled=false",
				"--fsm.validation.stored-states=fail"));
		if (this.url != null) {
			args.add("--spring.datasource.url=" + this.url);
		}
		int runs = DriftApplication.runnerRuns();
		assertThat(StoredStatesCommand.check(DriftApplication.class, args.toArray(String[]::new)))
			.as("the goal's own check, not the start-up's fail")
			.containsExactly("undeclared", REPORT);
		assertThat(DriftApplication.runnerRuns()).as("the application's runners do not run").isEqualTo(runs);
	}

	private ConfigurableApplicationContext start(String mode, String... more) {
		List<String> args = new ArrayList<>(List.of("--fsm.validation.stored-states=" + mode,
				"--spring.jpa.hibernate.ddl-auto=none", "--spring.sql.init.mode=never", "--fsm.audit.enabled=false"));
		if (this.url != null) {
			args.add("--spring.datasource.url=" + this.url);
		}
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(DriftApplication.class).web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	private static void insert(JdbcTemplate jdbc, String table, String column, String... values) {
		for (int i = 0; i < values.length; i++) {
			jdbc.update("insert into " + table + " (id, version, " + column + ") values (" + (i + 1) + ", 0, "
					+ values[i] + ")");
		}
	}

	private static java.util.Map.Entry<String, Long> entry(String key, long value) {
		return java.util.Map.entry(key, value);
	}

}
