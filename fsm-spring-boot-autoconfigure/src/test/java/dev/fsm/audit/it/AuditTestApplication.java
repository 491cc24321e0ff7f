package dev.fsm.audit.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.fsm.test.StatementLog;

/**
 * The application of the audit trail's integration tests: the entities of this package,
 * on the database the build runs against (H2, or a real server in the db-* profiles).
 */
@SpringBootApplication
public class AuditTestApplication {

	@Bean
	static StatementLog statementLog() {
		return new StatementLog();
	}

	@Bean
	PreTransitionGate preTransitionGate() {
		return new PreTransitionGate();
	}

}
