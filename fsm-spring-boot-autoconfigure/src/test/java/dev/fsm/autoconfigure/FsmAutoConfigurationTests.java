package dev.fsm.autoconfigure;

import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManagerFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.fsm.ArgumentViolation;
import dev.fsm.EntityRef;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.TransitionHistory;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.autoconfigure.badid.BadIdConfiguration;
import dev.fsm.autoconfigure.badid.Blob;
import dev.fsm.autoconfigure.lamp.Lamp;
import dev.fsm.autoconfigure.lamp.LampApplication;
import dev.fsm.autoconfigure.stamped.Stamp;
import dev.fsm.autoconfigure.stamped.StampedConfiguration;
import dev.fsm.autoconfigure.unversioned.Note;
import dev.fsm.autoconfigure.unversioned.UnversionedConfiguration;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.ArgumentValidator;
import dev.fsm.spi.EntityStore;
import dev.fsm.spi.PlainStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@ExtendWith(OutputCaptureExtension.class)
class FsmAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, FsmAutoConfiguration.class));

	private final ApplicationContextRunner jpaRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, AopAutoConfiguration.class, FsmAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void defaultsWithJpaAndSecurity() {
		this.jpaRunner.withUserConfiguration(UnversionedConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(InternalTypes.DEFAULT_TRANSITIONS);
			assertThat(context).hasSingleBean(InternalTypes.TRANSITION_ADVISOR);
			assertThat(context).hasSingleBean(InternalTypes.TRANSITION_LISTENER_FAILURE_LOGGING);
			assertThat(context).getBean(EntityStore.class).isInstanceOf(InternalTypes.JPA_ENTITY_STORE);
			assertThat(context).getBean(ActorProvider.class).isInstanceOf(InternalTypes.SECURITY_ACTOR_PROVIDER);
			assertThat(context).getBean(PermissionCompiler.class)
				.isInstanceOf(InternalTypes.SECURITY_PERMISSION_COMPILER);
			assertThat(context.getBeanFactory().getBeanDefinition("transitionAdvisor").getRole())
				.isEqualTo(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE);
			assertThat(context.getBean(Transitions.class).workflows()).extracting(Workflow::name)
				.containsExactly("Note.state");
		});
	}

	@Test
	void warnsAboutAnEntityWithoutVersion(CapturedOutput output) {
		this.jpaRunner.withUserConfiguration(UnversionedConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Workflow 'Note.state': Note has no @Version attribute, so each transition"
					+ " locks its row (SELECT ... FOR UPDATE) and re-reads its state to keep concurrent transitions apart;"
					+ " add a @Version field for optimistic locking, which also protects the entity's other columns");
		});
	}

	@Test
	void firesOnJpaEntitiesInTheirOwnTransaction() {
		this.jpaRunner.withUserConfiguration(UnversionedConfiguration.class).run((context) -> {
			Transitions transitions = context.getBean(Transitions.class);
			Note note = new Note();
			transitions.on(note).finish();
			EntityManagerFactory factory = context.getBean(EntityManagerFactory.class);
			Object id = factory.getPersistenceUnitUtil().getIdentifier(note);
			var entityManager = factory.createEntityManager();
			try {
				assertThat(entityManager.find(Note.class, id).getState()).isEqualTo("FINAL");
			}
			finally {
				entityManager.close();
			}
		});
	}

	@Test
	void lockingAndRetryPropertiesThatCannotBeUsedFailTheStartUp() {
		this.runner.withPropertyValues("fsm.locking.mode=default").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("fsm.locking.mode is OPTIMISTIC or PESSIMISTIC, not DEFAULT");
		});
		this.runner.withPropertyValues("fsm.retry.delay=1s", "fsm.retry.max-delay=10ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("fsm.retry.delay (PT1S) is zero or more and at most fsm.retry.max-delay (PT0.01S)");
		});
		this.runner.withPropertyValues("fsm.locking.mode=pessimistic", "fsm.locking.timeout=0")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void guardsStateFieldsWhenHibernateIsThereAndNotWithoutJpa() {
		this.jpaRunner.withUserConfiguration(UnversionedConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(InternalTypes.STATE_FIELD_GUARD));
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(InternalTypes.STATE_FIELD_GUARD));
	}

	@Test
	void failsToStartWhenACompositeIdCannotBeWrittenAsText() {
		this.jpaRunner.withUserConfiguration(BadIdConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WorkflowDefinitionException.class)
				.hasMessageContaining("Workflow entity Blob: " + Blob.class.getName() + " has a composite id "
						+ Blob.Key.class.getName() + " whose attribute 'digest' is a [B; the audit trail stores ids as"
						+ " text and can write only simple values (numbers, text, UUIDs, enums, dates) or types with"
						+ " their own toString()");
		});
	}

	@Test
	void failsToStartWhenTheVersionIsATimestamp() {
		this.jpaRunner.withUserConfiguration(StampedConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WorkflowDefinitionException.class)
				.hasMessageContaining("Workflow entity Stamp: " + Stamp.class.getName() + " has a @Version attribute"
						+ " 'modified' of type java.time.Instant; workflows need a version that every save increments"
						+ " by one (int, long or short, or Integer, Long or Short): a timestamp may stay the same"
						+ " between two transitions in one instant, and the audit trail numbers each entity's steps by"
						+ " its version");
		});
	}

	@Test
	void backsOffFromUserBeans() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).getBean(Transitions.class).isSameAs(context.getBean("myTransitions"));
			assertThat(context).doesNotHaveBean(InternalTypes.DEFAULT_TRANSITIONS);
			assertThat(context).getBean(ActorProvider.class).isSameAs(context.getBean("myActors"));
			assertThat(context).getBean(EntityStore.class).isSameAs(context.getBean("myStore"));
		});
	}

	@Test
	void withoutJpaEntitiesArePlainObjects() {
		this.runner.withUserConfiguration(PlainFlow.class).run((context) -> {
			assertThat(context).getBean(EntityStore.class).isInstanceOf(InternalTypes.NON_PERSISTENT_ENTITY_STORE);
			PlainFlow flow = context.getBean(PlainFlow.class);
			assertThat(AopUtils.isAopProxy(flow)).isTrue();
			Light light = new Light();
			assertThat(flow.switchOn(light)).isEqualTo("ON");
			assertThat(light.state).isEqualTo("ON");
			Transitions transitions = context.getBean(Transitions.class);
			transitions.on(light).off();
			assertThat(light.state).isEqualTo("OFF");
			assertThat(transitions.workflows()).extracting(Workflow::name).containsExactly("Light.state");
		});
	}

	@Test
	void findsPlainWorkflowObjectsInTheApplicationsPackagesAtStartUp() {
		this.runner.withUserConfiguration(LampApplication.class).run((context) -> {
			Transitions transitions = context.getBean(Transitions.class);
			assertThat(transitions.workflows()).extracting(Workflow::name).containsExactly("Lamp.state");
			Lamp lamp = new Lamp();
			transitions.on(lamp).switchOn();
			assertThat(transitions.state(lamp)).isEqualTo("ON");
		});
	}

	@Test
	void aWorkflowObjectNotFoundAtStartUpIsAClearErrorNotAWorkflowBuiltOnTheFly() {
		this.runner.run((context) -> assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> context.getBean(Transitions.class).on(new Lamp()))
			.withMessage(Lamp.class.getName() + " is not one of the workflow entities found at start-up: it is not a"
					+ " JPA entity, no flow bean takes it, and it is outside the packages Spring Boot scans (those of"
					+ " @SpringBootApplication)"));
	}

	@Test
	void validatesTransitionArgumentsWithTheApplicationsValidator() {
		this.runner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(DimmingFlow.class)
			.run((context) -> {
				assertThat(context).getBean(ArgumentValidator.class)
					.isInstanceOf(InternalTypes.BEAN_VALIDATION_ARGUMENTS);
				Light light = new Light();
				assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
					.isThrownBy(() -> context.getBean(DimmingFlow.class).dim(light, 0))
					.withMessage("Transition 'dim' on Light (unsaved) in state 'OFF' was called with invalid"
							+ " arguments: percent: must be greater than or equal to 1")
					.satisfies((ex) -> assertThat(ex.getViolations()).containsExactly(
							new ArgumentViolation("percent", "must be greater than or equal to 1", "Min")));
				assertThat(light.state).isEqualTo("OFF");
				assertThat(context.getBean(DimmingFlow.class).dim(light, 40)).isEqualTo("ON at 40%");
			});
	}

	@Test
	void withoutAValidatorArgumentsAreNotValidated() {
		this.runner.withUserConfiguration(DimmingFlow.class).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(ArgumentValidator.class);
			assertThat(context.getBean(DimmingFlow.class).dim(new Light(), 0)).isEqualTo("ON at 0%");
		});
	}

	@Test
	void withoutBeanValidationOnTheClasspathArgumentsAreNotValidated() {
		this.runner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(PlainFlow.class)
			.withClassLoader(new FilteredClassLoader("jakarta.validation", "org.hibernate.validator"))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ArgumentValidator.class);
				assertThat(context.getBean(PlainFlow.class).switchOn(new Light())).isEqualTo("ON");
			});
	}

	@Test
	void theArgumentValidatorBacksOffFromTheApplicationsOwn() {
		ArgumentValidator own = (transition, target, arguments) -> List
			.of(new ArgumentViolation("percent", "never on a Sunday", "Sunday"));
		this.runner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withUserConfiguration(DimmingFlow.class)
			.withBean("ownValidator", ArgumentValidator.class, () -> own)
			.run((context) -> {
				assertThat(context).getBean(ArgumentValidator.class).isSameAs(own);
				assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
					.isThrownBy(() -> context.getBean(DimmingFlow.class).dim(new Light(), 50))
					.withMessageEndingWith("percent: never on a Sunday");
			});
	}

	@Test
	void withSpringModulithTheRegistrysCompletionAdviceIsNarrowedAndWithoutItNothingIsAdded() {
		this.runner.withUserConfiguration(PlainFlow.class)
			.run((context) -> assertThat(context).hasSingleBean(InternalTypes.PUBLICATION_COMPLETION_EXCLUSION));
		this.runner.withUserConfiguration(PlainFlow.class)
			.withClassLoader(new FilteredClassLoader("org.springframework.modulith"))
			.run((context) -> assertThat(context).doesNotHaveBean(InternalTypes.PUBLICATION_COMPLETION_EXCLUSION));
	}

	@Test
	void withoutJpaOnTheClasspath() {
		this.runner.withUserConfiguration(PlainFlow.class)
			.withClassLoader(new FilteredClassLoader("jakarta.persistence", "org.hibernate",
					"org.springframework.orm.jpa", "org.springframework.data"))
			.run((context) -> {
				assertThat(context).getBean(EntityStore.class).isInstanceOf(InternalTypes.NON_PERSISTENT_ENTITY_STORE);
				Light light = new Light();
				assertThat(context.getBean(PlainFlow.class).switchOn(light)).isEqualTo("ON");
			});
	}

	@Test
	void withoutSpringSecurityTheActorComesFromRunAs() {
		this.runner.withUserConfiguration(PlainFlow.class)
			.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class.getPackageName(),
					"org.springframework.security.access"))
			.run((context) -> {
				assertThat(context).getBean(ActorProvider.class)
					.isInstanceOf(InternalTypes.THREAD_LOCAL_ACTOR_PROVIDER);
				assertThat(context).doesNotHaveBean(PermissionCompiler.class);
				Transitions transitions = context.getBean(Transitions.class);
				Light light = new Light();
				List<String> allowed = transitions.runAs("scheduler",
						() -> transitions.allowed(light).stream().map(TransitionRoute::name).toList());
				assertThat(allowed).containsExactly("switchOn");
			});
	}

	@Test
	void withoutSpringSecurityAPermissionFailsTheStartUp() {
		this.runner.withUserConfiguration(GuardedFlow.class)
			.withClassLoader(new FilteredClassLoader(SecurityContextHolder.class.getPackageName(),
					"org.springframework.security.access"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(WorkflowDefinitionException.class)
				.hasMessageContaining(
						"Transition 'switchOn' of workflow 'Light.state' has permission \"hasRole('ADMIN')\""
								+ " that cannot be used: permissions need Spring Security on the classpath (add"
								+ " spring-boot-starter-security)"));
	}

	@Test
	void withoutMicrometerTransitionsStillRun() {
		this.runner.withUserConfiguration(PlainFlow.class)
			.withClassLoader(new FilteredClassLoader(ObservationRegistry.class.getPackageName()))
			.run((context) -> {
				Light light = new Light();
				assertThat(context.getBean(PlainFlow.class).switchOn(light)).isEqualTo("ON");
			});
	}

	@Test
	void historyNeedsTheAuditTrail() {
		this.runner.withUserConfiguration(PlainFlow.class).run((context) -> {
			assertThat(context).doesNotHaveBean(TransitionHistory.class);
			assertThatExceptionOfType(IllegalStateException.class)
				.isThrownBy(() -> context.getBean(Transitions.class).history(new Light()))
				.withMessage("The audit trail is off, so there is no history of Light (it needs JPA and Spring Data,"
						+ " and fsm.audit.enabled must not be false)");
		});
	}

	@Test
	void anInvalidWorkflowFailsTheStartUpWithEveryProblem() {
		this.runner.withUserConfiguration(BrokenFlow.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WorkflowDefinitionException.class)
				.hasMessage("2 problems in workflow declarations:" + System.lineSeparator()
						+ "  1. @Transition method BrokenFlow.orphan() has no entity parameter: a @Transition method of"
						+ " bean 'fsmAutoConfigurationTests.BrokenFlow' must take the entity whose @StateField it moves"
						+ System.lineSeparator() + "  2. Transition 'explode' of workflow 'Light.state' target 'BROKEN'"
						+ " is not a state of workflow 'Light.state' [OFF, ON]");
		});
	}

	@Test
	void aFinalFlowBeanFailsTheStartUpInWordsNotWithAProxyFailure() {
		this.runner.withUserConfiguration(FinalFlowConfiguration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(WorkflowDefinitionException.class)
				.hasMessage("1 problem in workflow declarations:" + System.lineSeparator()
						+ "  1. Flow bean 'finalFlow' (FinalFlow) is a final class, so Spring cannot proxy it to"
						+ " intercept its @Transition methods switchOn(); remove final");
		});
	}

	@Test
	void unreachableStatesCanBeDowngradedToAWarning(CapturedOutput output) {
		this.runner.withUserConfiguration(OneWayFlow.class)
			.withPropertyValues("fsm.validation.fail-on-unreachable-states=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("Workflow 'Light.state' has states that no transition reaches from the"
						+ " initial state 'OFF': [ON]");
			});
		this.runner.withUserConfiguration(OneWayFlow.class).run((context) -> assertThat(context).hasFailed());
	}

	/** A plain object with a workflow, no JPA. */
	public static class Light {

		@StateField(states = { "OFF", "ON" })
		String state = "OFF";

		@Transition(source = "ON", target = "OFF")
		public void off() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	public static class PlainFlow {

		@Transition(source = "OFF", target = "ON")
		public String switchOn(Light light) {
			return light.state;
		}

	}

	@Configuration(proxyBeanMethods = false)
	public static class DimmingFlow {

		@Transition(source = "OFF", target = "ON")
		public String dim(Light light, @Min(1) @Max(100) int percent) {
			return light.state + " at " + percent + "%";
		}

	}

	@Configuration(proxyBeanMethods = false)
	public static class GuardedFlow {

		@Transition(source = "OFF", target = "ON", permission = "hasRole('ADMIN')")
		public void switchOn(Light light) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BrokenFlow {

		@Transition(source = "OFF", target = "ON")
		public void switchOn(Light light) {
		}

		@Transition(source = "OFF", target = "BROKEN")
		public void explode(Light light) {
		}

		@Transition(source = "OFF", target = "ON")
		public void orphan() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FinalFlowConfiguration {

		@Bean
		FinalFlow finalFlow() {
			return new FinalFlow();
		}

	}

	static final class FinalFlow {

		@Transition(source = "OFF", target = "ON")
		public void switchOn(Light light) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OneWayFlow {

		@Transition(source = "ON")
		public void inspect(Light light) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		@Bean
		Transitions myTransitions() {
			return new Transitions() {

				@Override
				public <T> T on(T entity) {
					return entity;
				}

				@Override
				public @Nullable Object fire(Object entity, String transition, @Nullable Object... arguments) {
					return null;
				}

				@Override
				public <T> TransitionResult<T> fire(EntityRef<T> entity, String transition,
						@Nullable Object... arguments) {
					throw new IllegalStateException();
				}

				@Override
				public <T> T on(EntityRef<T> entity) {
					throw new IllegalStateException();
				}

				@Override
				public List<TransitionRoute> available(Object entity) {
					return List.of();
				}

				@Override
				public List<TransitionRoute> allowed(Object entity) {
					return List.of();
				}

				@Override
				public List<TransitionRoute> allowed(Object entity, Principal user) {
					return List.of();
				}

				@Override
				public List<TransitionOption> options(Object entity) {
					return List.of();
				}

				@Override
				public boolean can(Object entity, String transition) {
					return false;
				}

				@Override
				public void forceState(Object entity, String state, String reason) {
				}

				@Override
				public void forceState(Object entity, String field, String state, String reason) {
				}

				@Override
				public @Nullable String state(Object entity) {
					return null;
				}

				@Override
				public @Nullable String state(Object entity, String field) {
					return null;
				}

				@Override
				public Workflow workflow(Class<?> entityType) {
					throw new IllegalArgumentException();
				}

				@Override
				public Workflow workflow(Class<?> entityType, String field) {
					throw new IllegalArgumentException();
				}

				@Override
				public List<Workflow> workflows() {
					return List.of();
				}

				@Override
				public List<TransitionRecord> history(Object entity) {
					return List.of();
				}

				@Override
				public <T> T runAs(String actor, Supplier<T> work) {
					return work.get();
				}

				@Override
				public <T> T runAs(Principal user, Supplier<T> work) {
					return work.get();
				}

			};
		}

		@Bean
		ActorProvider myActors() {
			return new ActorProvider() {

				@Override
				public String currentActor() {
					return "me";
				}

				@Override
				public <T extends @Nullable Object> T runAs(Principal user, Supplier<T> work) {
					return work.get();
				}

			};
		}

		@Bean
		EntityStore myStore() {
			return new PlainStore();
		}

	}

}
