package dev.fsm.test.coverage;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

import dev.fsm.Transitions;
import dev.fsm.spi.TransitionObserver;
import dev.fsm.test.autoconfigure.WorkflowTest;
import dev.fsm.test.example.ClaimPayments;
import dev.fsm.test.example.Claims;
import dev.fsm.test.example.ExampleApplication;
import dev.fsm.test.example.ExpenseClaim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every Spring test context counts the attempts of its transitions for the coverage of
 * the JVM.
 */
@WorkflowTest
@ContextConfiguration(classes = ExampleApplication.class)
@Import(Claims.class)
class TransitionCoverageObserverTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Transitions transitions;

	@Autowired
	ClaimPayments payments;

	@Autowired
	Claims claims;

	@Test
	void everyTestContextHasTheObserver() {
		assertThat(this.context.getBeansOfType(TransitionObserver.class))
			.containsOnlyKeys(CoverageContextCustomizerFactory.CoverageContextCustomizer.BEAN_NAME);
	}

	@Test
	void theObserverIsMadeByAFactoryMethodThatATestContextsAotProcessingCanGenerate() {
		AbstractBeanDefinition definition = (AbstractBeanDefinition) ((ConfigurableApplicationContext) this.context)
			.getBeanFactory()
			.getBeanDefinition(CoverageContextCustomizerFactory.CoverageContextCustomizer.BEAN_NAME);
		// process-test-aot refuses a bean definition with an instance supplier
		assertThat(definition.getInstanceSupplier()).isNull();
		assertThat(definition.getFactoryMethodName()).isEqualTo("ofThisJvm");
	}

	@Test
	void declaresEveryWorkflowOfTheContextFiredOrNot() {
		assertThat(CoverageRecorder.jvm().snapshot().workflows().get("ExpenseClaim.state"))
			.containsKeys("submit", "approve", "reject", "remind", "pay", "reopen")
			.hasEntrySatisfying("reopen", (reopen) -> assertThat(reopen.sources()).containsExactly("REJECTED"));
	}

	@Test
	void countsCommittedRefusedAndFailedAttemptsByTheStateTheyStartedIn() {
		Map<String, CoverageData.TransitionCoverage> before = claimCoverage();
		ExpenseClaim approved = this.claims.approved();
		this.transitions.runAs(Claims.OWNER, () -> {
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.transitions.on(approved).reopen());
			return null;
		});
		this.transitions.runAs(Claims.ACCOUNTANT, () -> {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.payments.pay(approved));
			return null;
		});
		Map<String, CoverageData.TransitionCoverage> after = claimCoverage();
		assertThat(delta(before, after, "submit", CoverageOutcome.COMMITTED)).containsExactly(Map.entry("DRAFT", 1L));
		assertThat(delta(before, after, "approve", CoverageOutcome.COMMITTED))
			.containsExactly(Map.entry("SUBMITTED", 1L));
		assertThat(delta(before, after, "reopen", CoverageOutcome.REFUSED)).containsExactly(Map.entry("APPROVED", 1L));
		assertThat(delta(before, after, "pay", CoverageOutcome.FAILED)).containsExactly(Map.entry("APPROVED", 1L));
		assertThat(delta(before, after, "pay", CoverageOutcome.COMMITTED)).isEmpty();
	}

	@Test
	void theCustomizerKeepsOneCachedContextPerConfiguration() {
		CoverageContextCustomizerFactory factory = new CoverageContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(getClass(), List.of()))
			.isEqualTo(factory.createContextCustomizer(String.class, List.of()))
			.hasSameHashCodeAs(factory.createContextCustomizer(String.class, List.of()));
	}

	@Test
	void coverageCanBeSwitchedOff() {
		System.setProperty(CoverageSettings.ENABLED, "false");
		try {
			assertThat(new CoverageContextCustomizerFactory().createContextCustomizer(getClass(), List.of())).isNull();
		}
		finally {
			System.clearProperty(CoverageSettings.ENABLED);
		}
	}

	private static Map<String, CoverageData.TransitionCoverage> claimCoverage() {
		return CoverageRecorder.jvm().snapshot().workflows().get("ExpenseClaim.state");
	}

	private static Map<String, Long> delta(Map<String, CoverageData.TransitionCoverage> before,
			Map<String, CoverageData.TransitionCoverage> after, String transition, CoverageOutcome outcome) {
		Map<String, Long> earlier = before.get(transition).byState(outcome);
		Map<String, Long> result = new java.util.LinkedHashMap<>();
		after.get(transition).byState(outcome).forEach((state, count) -> {
			long added = count - earlier.getOrDefault(state, 0L);
			if (added > 0) {
				result.put(state, added);
			}
		});
		return result;
	}

}
