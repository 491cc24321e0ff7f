package dev.fsm.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import dev.fsm.test.StatementLog;

@SpringBootApplication
public class TestApplication {

	@Bean
	static StatementLog statementLog() {
		return new StatementLog();
	}

}
