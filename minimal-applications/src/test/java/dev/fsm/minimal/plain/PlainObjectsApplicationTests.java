package dev.fsm.minimal.plain;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;

import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An application with the starter and spring-boot-starter only (the build takes every JPA and
 * JDBC artifact off this test's class path) starts and fires transitions on a plain object.
 */
@SpringBootTest(classes = PlainObjectsApplication.class)
class PlainObjectsApplicationTests {

	@Autowired
	Transitions transitions;

	@Test
	void theClassPathHasNoJpaJdbcWebSecurityNorMicrometer() {
		for (String absent : List.of("jakarta.persistence.EntityManagerFactory", "org.hibernate.Session",
				"org.springframework.orm.jpa.JpaTransactionManager", "org.springframework.data.domain.Pageable",
				"org.springframework.jdbc.core.JdbcTemplate", "com.zaxxer.hikari.HikariDataSource",
				"org.springframework.web.servlet.DispatcherServlet", "org.springframework.security.core.Authentication",
				"io.micrometer.core.instrument.MeterRegistry")) {
			assertThat(ClassUtils.isPresent(absent, null)).as(absent).isFalse();
		}
	}

	@Test
	void firesATransitionOnAPlainObject() {
		Lamp lamp = new Lamp();
		this.transitions.on(lamp).switchOn();
		assertThat(this.transitions.can(lamp, "switchOn")).isFalse();
		assertThat(lamp.state).isEqualTo("ON");
	}

	@Test
	void refusesATransitionFromAnotherStateAndChangesNothing() {
		Lamp lamp = new Lamp();
		this.transitions.on(lamp).switchOn();
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.on(lamp).switchOn())
			.withMessageContaining("'switchOn' is not allowed from state 'ON'");
		assertThat(lamp.state).isEqualTo("ON");
	}

}
