package dev.fsm.test.example;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.PermissionEvaluator;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.web.context.WebApplicationContext;

import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionHistory;
import dev.fsm.Transitions;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.test.autoconfigure.WorkflowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code @WorkflowTest} starts, and what it leaves out.
 */
@WorkflowTest(properties = "example.greeting=hello")
@Import(Claims.class)
class WorkflowTestSliceTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Transitions transitions;

	@Autowired
	ClaimRepository claims;

	@Autowired
	ClaimPayments payments;

	@Autowired
	Claims fixtures;

	@Test
	void startsTheEngineTheAuditTrailDiagramsAndTheRepositoriesOnAnEmbeddedDatabase() throws Exception {
		assertThat(this.context.getBeanNamesForType(TransitionHistory.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(WorkflowDiagrams.class)).hasSize(1);
		assertThat(this.transitions.workflows()).extracting((workflow) -> workflow.name())
			.containsExactly("ExpenseClaim.state");
		try (var connection = this.context.getBean(DataSource.class).getConnection()) {
			assertThat(connection.getMetaData().getURL()).startsWith("jdbc:h2:mem:");
		}
	}

	@Test
	void poolsTheConnectionsOfTheEmbeddedDatabaseAsTheApplicationDoes() {
		assertThat(this.context.getBean(DataSource.class)).isInstanceOfSatisfying(HikariDataSource.class,
				(pool) -> assertThat(pool.getPoolName()).isEqualTo("fsm-test-dataSource"));
	}

	@Test
	void includesFlowBeansAndSecurityComponentsButNoOtherComponentNorTheWebLayer() {
		assertThat(this.context.getBeanNamesForType(ClaimPayments.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(UserDetailsService.class)).containsExactly("claimUsers");
		assertThat(this.context.getBeanNamesForType(PermissionEvaluator.class)).containsExactly("claimPermissions");
		assertThat(this.context.getBeanNamesForType(ClaimReports.class)).isEmpty();
		assertThat(this.context).isNotInstanceOf(WebApplicationContext.class);
	}

	@Test
	void addsTheAnnotationsProperties() {
		assertThat(this.context.getBean(Environment.class).getProperty("example.greeting")).isEqualTo("hello");
	}

	@Test
	@WithMockUser("owner@example.com")
	void eachTransitionCommitsInItsOwnTransactionAsInTheApplication() {
		ExpenseClaim claim = this.claims.save(new ExpenseClaim("owner@example.com", 120).withReceipt());
		this.transitions.on(claim).submit();
		String stored = new JdbcTemplate(this.context.getBean(DataSource.class))
			.queryForObject("select state from expense_claim where id = ?", String.class, claim.getId());
		assertThat(stored).isEqualTo("SUBMITTED");
		assertThat(this.transitions.history(claim)).singleElement()
			.satisfies((record) -> assertThat(record.actor()).isEqualTo("owner@example.com"));
	}

	@Test
	@WithUserDetails("manager@example.com")
	void withUserDetailsLoadsTheUserFromTheApplicationsUserDetailsService() {
		ExpenseClaim claim = this.fixtures.submitted();
		this.transitions.on(claim).approve();
		assertThat(claim.getState()).isEqualTo(ClaimState.APPROVED);
		assertThatExceptionOfType(TransitionDeniedException.class).isThrownBy(() -> this.payments.pay(claim))
			.withMessageContaining("is denied to 'manager@example.com' (permission: hasRole('ACCOUNTANT'))");
	}

}
