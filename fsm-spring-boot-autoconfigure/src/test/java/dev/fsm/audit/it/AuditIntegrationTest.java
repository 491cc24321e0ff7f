package dev.fsm.audit.it;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one context of the audit trail's integration tests. The table comes from the
 * shipped script on every database ({@code always}); Hibernate adds the test entities'
 * tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = AuditTestApplication.class,
		properties = { "fsm.audit.initialize-schema=always", "spring.jpa.hibernate.ddl-auto=update" })
@interface AuditIntegrationTest {

}
