package dev.fsm.metamodel;

import java.time.Duration;

import kotlin.Unit;
import kotlin.coroutines.Continuation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.fsm.Locking;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.security.SecurityConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Start-up validation: every problem of every workflow, reported at once.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkflowValidationTests {

	enum Phase {

		NEW, ACTIVE, DONE

	}

	private final GuardEvaluationContexts contexts = new GuardEvaluationContexts(
			new BeanFactoryResolver(new DefaultListableBeanFactory()));

	private final SpelGuardCompiler withSecurity = new SpelGuardCompiler(this.contexts,
			SecurityConfiguration.permissionCompiler(this.contexts));

	private final SpelGuardCompiler withoutSecurity = new SpelGuardCompiler(this.contexts, null);

	@Test
	void acceptsAValidWorkflow() {
		WorkflowRegistry registry = build(Valid.class);
		assertThat(registry.workflowsOf(Valid.class)).singleElement()
			.satisfies((workflow) -> assertThat(workflow.transitions()).hasSize(2));
	}

	@Test
	void unknownStateNames() {
		// transitions in the order of the state they start from, then by name
		assertThat(problems(UnknownStates.class)).containsExactly(
				"Transition 'finish' of workflow 'UnknownStates.phase' target 'CLOSED' is not a state of workflow"
						+ " 'UnknownStates.phase' [NEW, ACTIVE, DONE]",
				"Transition 'start' of workflow 'UnknownStates.phase' source 'NEWW' is not a state of workflow"
						+ " 'UnknownStates.phase' [NEW, ACTIVE, DONE]",
				"Transition 'start' of workflow 'UnknownStates.phase' target 'ACTIV' is not a state of workflow"
						+ " 'UnknownStates.phase' [NEW, ACTIVE, DONE]",
				"Transition 'start' of workflow 'UnknownStates.phase' onError state 'BROKEN' is not a state of"
						+ " workflow 'UnknownStates.phase' [NEW, ACTIVE, DONE]");
	}

	@Test
	void lockingAndRetriesThatCannotBeUsed() {
		assertThat(problems(BadLocking.class)).containsExactly(
				"Workflow 'BadLocking.phase' has lockTimeout \"soon\", which is no duration (\"2s\", \"500ms\","
						+ " \"PT2S\"; \"0\" for NOWAIT)",
				"Workflow 'BadLocking.phase' declares retries = -2; retries are 0 or more",
				"Transition 'start' of workflow 'BadLocking.phase' declares different lock values [PESSIMISTIC,"
						+ " OPTIMISTIC] on its stacked @Transition annotations; declare it once",
				"Transition 'start' of workflow 'BadLocking.phase' has lockTimeout \"-1s\"; a lock timeout is zero"
						+ " (NOWAIT) or more",
				"Transition 'finish' of workflow 'BadLocking.phase' declares retries = -5; retries are 0 or more (-1:"
						+ " the workflow's)");
	}

	@Test
	void lockingAndRetriesResolveFromTheTransitionThenTheWorkflow() {
		WorkflowModel workflow = build(Locked.class).workflowsOf(Locked.class).get(0);
		assertThat(workflow.transition("start").concurrency())
			.isEqualTo(new ConcurrencyPolicy(Locking.PESSIMISTIC, Duration.ofMillis(250), 1));
		assertThat(workflow.transition("finish").concurrency())
			.isEqualTo(new ConcurrencyPolicy(Locking.OPTIMISTIC, Duration.ZERO, 4));
	}

	@Test
	void unknownDeclaredStringStatesAndBadIntStates() {
		assertThat(problems(DeclaredStrings.class)).containsExactly(
				"Transition 'go' of workflow 'DeclaredStrings.status' target 'gone' is not a state of workflow"
						+ " 'DeclaredStrings.status' [here, there]");
		assertThat(problems(IntStates.class)).containsExactly(
				"Transition 'go' of workflow 'IntStates.level' target 'two' of workflow 'IntStates.level': 'two' is"
						+ " not an int state");
	}

	@Test
	void duplicateTransitionNames() {
		assertThat(problems(DuplicateNames.class)).singleElement()
			.asString()
			.startsWith("Workflow 'DuplicateNames.phase' has two transitions named 'start': DuplicateNames.")
			.contains("DuplicateNames.start()", "DuplicateNames.begin()");
	}

	@Test
	void unreachableStatesFailOrWarn(CapturedOutput output) {
		assertThat(problems(Unreachable.class)).containsExactly(
				"Workflow 'Unreachable.phase' has states that no transition reaches from the initial state 'NEW':"
						+ " [DONE] (set fsm.validation.fail-on-unreachable-states=false to only warn)");
		WorkflowIntrospector lenient = new WorkflowIntrospector(this.withSecurity, false);
		lenient.addEntityType(Unreachable.class);
		assertThat(lenient.build().workflowsOf(Unreachable.class)).hasSize(1);
		assertThat(output).contains("Workflow 'Unreachable.phase' has states that no transition reaches from the"
				+ " initial state 'NEW': [DONE]");
	}

	@Test
	void expressionsThatDoNotParse() {
		assertThat(problems(BadExpressions.class)).satisfiesExactly(
				(problem) -> assertThat(problem).startsWith("Transition 'start' of workflow 'BadExpressions.phase' has"
						+ " permission \"hasRole('X'\" that cannot be used: "),
				(problem) -> assertThat(problem).startsWith("Transition 'start' of workflow 'BadExpressions.phase' has"
						+ " condition \"#entity.name ==\" that does not parse: "));
	}

	@Test
	void readRulesAreCompiledAndCheckedLikePermissions() {
		assertThat(problems(BadReads.class)).satisfiesExactly(
				(problem) -> assertThat(problem).startsWith(
						"Workflow 'BadReads.phase' has readPermission" + " \"#entity.owner ==\" that cannot be used: "),
				(problem) -> assertThat(problem).isEqualTo("Workflow 'BadReads.phase' has readFilter"
						+ " \"e.owner = :#{authentication.name\" that cannot be used: the parameter at 10 has no"
						+ " closing '}'"));
		assertThat(problems(BadReadParameter.class)).singleElement()
			.asString()
			.startsWith("Workflow 'BadReadParameter.phase' has readFilter \"e.owner = :#{hasRole('X'}\" that cannot"
					+ " be used: ");
		WorkflowModel workflow = build(Read.class).workflowsOf(Read.class).get(0);
		assertThat(workflow.readPermission()).isNotNull()
			.extracting(TransitionPermission::expression)
			.isEqualTo("#entity.owner == authentication.name");
		assertThat(workflow.readFilter()).isNotNull()
			.satisfies((filter) -> assertThat(filter.jpql()).isEqualTo("e.owner = :fsmRead0 or e.team in :fsmRead1"))
			.satisfies((filter) -> assertThat(filter.parameterNames()).containsExactly("fsmRead0", "fsmRead1"));
		assertThat(build(Valid.class).workflowsOf(Valid.class).get(0).readPermission()).isNull();
		assertThat(problems(MisreadReads.class)).containsExactly("Workflow 'MisreadReads.phase' has readPermission"
				+ " \"#entity.ownr == authentication.name\" that reads #entity.ownr, which MisreadReads has no field or"
				+ " getter for: correct the name (did you mean 'owner'?), or add a getter getOwnr()");
	}

	@Test
	void readRulesNeedSpringSecurity() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withoutSecurity, true);
		introspector.addEntityType(Read.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"Workflow 'Read.phase' has readPermission \"#entity.owner == authentication.name\" that cannot"
							+ " be used: permissions need Spring Security on the classpath (add"
							+ " spring-boot-starter-security)",
					"Workflow 'Read.phase' has readFilter \"e.owner = :#{authentication.name} or e.team in"
							+ " :#{principal.teams}\" that cannot be used: expressions about the user need Spring"
							+ " Security on the classpath (add spring-boot-starter-security)"));
	}

	@Test
	void everyPropertyAndMethodAnExpressionNamesOnTheEntityMustBeReadable() {
		String where = "Transition 'start' of workflow 'Misread.phase' has ";
		assertThat(problems(Misread.class)).containsExactly(
				where + "permission \"#entity.custmer == authentication.name\" that reads #entity.custmer, which"
						+ " Misread has no field or getter for: correct the name (did you mean 'customer'?), or add a"
						+ " getter getCustmer()",
				where + "condition \"sender != null\" that reads sender, which Misread has no field or getter for: add a"
						+ " public getter getSender() to Misread, or correct the name",
				where + "condition \"#entity.isLate()\" that calls #entity.isLate(), which Misread has no method for:"
						+ " add a public method isLate() to Misread, or correct the name",
				where + "condition \"label != null\" that reads label, whose getter getLabel() is not public in"
						+ " Misread: make it public",
				where + "condition \"weighs(1) && isHeavy()\" that calls weighs(..) with 1 argument, which Misread"
						+ " has no method for: correct the name (did you mean 'weigh'?), or add a public method weighs()",
				where + "condition \"weighs(1) && isHeavy()\" that calls isHeavy(), which is not public in Misread:"
						+ " make isHeavy() public",
				"Transition 'finish' of workflow 'Misread.phase' has condition \"#entity.weigh()\" that calls"
						+ " #entity.weigh(), but the public method weigh of Misread takes 1 argument: pass it");
	}

	@Test
	void fieldsWithoutGettersMethodsAndWhatFollowsThemAreNotProblems() {
		WorkflowRegistry registry = build(ReadsFields.class);
		assertThat(registry.workflowsOf(ReadsFields.class)).hasSize(1);
	}

	@Test
	void aFlowBeansEntityParameterIsTheEntityToo() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addFlowBean("misreadingFlow", MisreadingFlow.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("Transition 'start' of workflow"
					+ " 'Shipment.phase' has permission \"#shipment.owner == authentication.name\" that reads"
					+ " #shipment.owner, which Shipment has no field or getter for: add a public getter getOwner() to"
					+ " Shipment, or correct the name"));
	}

	@Test
	void permissionsNeedSpringSecurity() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withoutSecurity, true);
		introspector.addEntityType(Guarded.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"Transition 'start' of workflow 'Guarded.phase' has permission \"hasRole('ADMIN')\" that cannot be"
							+ " used: permissions need Spring Security on the classpath (add"
							+ " spring-boot-starter-security)"));
	}

	@Test
	void methodsThatCannotBeIntercepted() {
		assertThat(problems(Unproxyable.class)).containsExactlyInAnyOrder(
				"@Transition method Unproxyable.locked() is final; a @Transition method must be an overridable"
						+ " instance method so that it can be intercepted",
				"@Transition method Unproxyable.hidden() is private; a @Transition method must be an overridable"
						+ " instance method so that it can be intercepted",
				"@Transition method Unproxyable.shared() is static; a @Transition method must be an overridable"
						+ " instance method so that it can be intercepted");
		assertThat(problems(FinalEntity.class)).containsExactly("@Transition method FinalEntity.start() is declared"
				+ " on a final class; FinalEntity cannot be proxied by transitions.on(entity)");
	}

	@Test
	void suspendFunctionsAreRefusedOnEntitiesAndFlowBeans() {
		// what Kotlin compiles a suspend fun to: a method whose last parameter is a
		// Continuation
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addEntityType(Suspending.class);
		introspector.addFlowBean("suspendingFlow", SuspendingFlow.class);
		String why = "is a suspend function; a transition runs its checks, its body and the save in one transaction on"
				+ " the calling thread, and a suspend function would leave that transaction at its first suspension"
				+ " point (the rest of the body would run outside it and not be saved): declare it without suspend, and"
				+ " do the suspending work before firing the transition or in a @TransactionalEventListener after the"
				+ " commit";
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies(
					(ex) -> assertThat(ex.getProblems()).containsExactly("@Transition method Suspending.start() " + why,
							"@Transition method SuspendingFlow.finish() " + why));
	}

	@Test
	void aFinalFlowBeanIsRefusedInWordsInsteadOfFailingToBeProxied() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addFlowBean("finalFlow", FinalFlow.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("Flow bean 'finalFlow' (FinalFlow) is a"
					+ " final class, so Spring cannot proxy it to intercept its @Transition methods finish(), start();"
					+ " remove final"));
	}

	@Test
	void aRejectedTransitionLeavesNoFollowOnErrors() {
		// without start(), ACTIVE and DONE are unreachable: saying so would only repeat
		// the problem
		assertThat(problems(RejectedTransition.class)).containsExactly("@Transition method"
				+ " RejectedTransition.start() is private; a @Transition method must be an overridable instance method"
				+ " so that it can be intercepted");
	}

	@Test
	void aFinalStateFieldIsRefused() {
		assertThat(problems(FinalStateField.class)).containsExactly("Workflow 'FinalStateField.phase': the state"
				+ " field phase of FinalStateField is final, and transitions change it; remove final");
	}

	@Test
	void flowBeansNeedExactlyOneEntityParameter() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addFlowBean("badFlow", BadFlow.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactlyInAnyOrder(
					"@Transition method BadFlow.noEntity() has no entity parameter: a @Transition method of bean"
							+ " 'badFlow' must take the entity whose @StateField it moves",
					"@Transition method BadFlow.twoEntities() has several entity parameters (2); a @Transition method"
							+ " of a bean must take exactly one"));
	}

	@Test
	void fieldsMustBeNamedWhenThereAreSeveral() {
		assertThat(problems(TwoFields.class)).containsExactlyInAnyOrder(
				"@Transition method TwoFields.either() must name its field: TwoFields has several state fields [one,"
						+ " two]",
				"@Transition method TwoFields.wrong() names field 'three', which is not a @StateField of TwoFields",
				"@Transition method TwoFields.both() has stacked @Transition declarations with different names or"
						+ " fields; one method is one transition of one workflow");
	}

	@Test
	void targetsMustFitTheMethodAndTheWildcards() {
		assertThat(problems(BadTargets.class)).containsExactly(
				"Transition 'choose' of workflow 'BadTargets.phase' has several targets [ACTIVE, DONE] but choose()"
						+ " returns void; a dynamic transition returns the chosen state",
				"Transition 'everywhere' of workflow 'BadTargets.phase' uses '*' as a target; wildcards are for"
						+ " sources only",
				"Transition 'others' of workflow 'BadTargets.phase' has source '+' (any state but the target), which"
						+ " needs exactly one target");
	}

	@Test
	void stackedDeclarationsMayNotOverlap() {
		assertThat(problems(Overlapping.class)).containsExactly(
				"Transition 'start' of workflow 'Overlapping.phase' has 2 stacked declarations that start from state"
						+ " 'NEW'; each state may start at most one");
	}

	@Test
	void propertiesAreKeyValuePairs() {
		assertThat(problems(BadProperty.class)).containsExactly("Transition 'start' of workflow 'BadProperty.phase'"
				+ " has property \"colour\"; properties are written \"key=value\"");
	}

	@Test
	void stateFieldsNeedASupportedTypeAndAnInitialState() {
		assertThat(problems(BadFields.class)).containsExactlyInAnyOrder(
				"Workflow 'BadFields.amount': @StateField amount has type double; a state field must be an enum, String"
						+ " or int",
				"Workflow 'BadFields.phase': the state field phase is null on a new BadFields; initialize the field or"
						+ " declare @StateField(initial = ..)");
	}

	@Test
	void reportsEveryProblemOfEveryWorkflowInOneException() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addEntityType(UnknownStates.class);
		introspector.addEntityType(Overlapping.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(5))
			.withMessageStartingWith("5 problems in workflow declarations:" + System.lineSeparator()
					+ "  1. Transition 'finish' of workflow 'UnknownStates.phase' target 'CLOSED'")
			.withMessageContaining(System.lineSeparator() + "  5. Transition 'start' of workflow 'Overlapping.phase'");
	}

	@Test
	void twoWorkflowsMayNotShareAName() {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addEntityType(Shop.Order.class);
		introspector.addEntityType(Warehouse.Order.class);
		assertThatExceptionOfType(WorkflowDefinitionException.class).isThrownBy(introspector::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly("Workflow 'Order.phase' is declared by "
					+ Shop.Order.class.getName() + " and by " + Warehouse.Order.class.getName() + "; workflow names"
					+ " identify histories in the audit trail, so give one of them another name with"
					+ " @StateField(name = ..) or @Entity(name = ..)"));
	}

	@Test
	void startStatesAreStatesAndCountAsReachable() {
		assertThat(problems(BadStartState.class))
			.containsExactly("Start state 'GONE' is not a state of workflow 'BadStartState.phase' [NEW, ACTIVE, DONE]");
		WorkflowRegistry registry = build(ImportedStart.class);
		assertThat(registry.workflowsOf(ImportedStart.class)).singleElement().satisfies((workflow) -> {
			assertThat(workflow.mayStartIn(Phase.NEW)).isTrue();
			assertThat(workflow.mayStartIn(Phase.DONE)).isTrue();
			assertThat(workflow.mayStartIn(Phase.ACTIVE)).isFalse();
			assertThat(workflow.mayStartIn(null)).isFalse();
		});
	}

	private WorkflowRegistry build(Class<?> type) {
		WorkflowIntrospector introspector = new WorkflowIntrospector(this.withSecurity, true);
		introspector.addEntityType(type);
		return introspector.build();
	}

	private java.util.List<String> problems(Class<?> type) {
		try {
			build(type);
		}
		catch (WorkflowDefinitionException ex) {
			return ex.getProblems();
		}
		throw new AssertionError("expected problems in " + type.getSimpleName());
	}

	static class Valid {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class BadLocking {

		@StateField(lockTimeout = "soon", retries = -2)
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE", lock = Locking.PESSIMISTIC, lockTimeout = "-1s")
		@Transition(source = "ACTIVE", target = "ACTIVE", lock = Locking.OPTIMISTIC)
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE", retries = -5)
		public void finish() {
		}

	}

	static class Locked {

		@StateField(lock = Locking.PESSIMISTIC, lockTimeout = "250ms", retries = 1)
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE", lock = Locking.OPTIMISTIC, lockTimeout = "0", retries = 4)
		public void finish() {
		}

	}

	static class UnknownStates {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEWW", target = "ACTIV", onError = "BROKEN")
		public void start() {
		}

		@Transition(source = "NEW", target = { "ACTIVE", "DONE", "CLOSED" })
		public Phase finish() {
			return Phase.DONE;
		}

	}

	static class DeclaredStrings {

		@StateField(states = { "here", "there" })
		String status = "here";

		@Transition(source = "here", target = "gone")
		public void go() {
		}

		@Transition(source = "here", target = "there")
		public void move() {
		}

	}

	static class IntStates {

		@StateField
		int level = 1;

		@Transition(source = "1", target = "two")
		public void go() {
		}

	}

	static class DuplicateNames {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE", name = "start")
		public void begin() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class Unreachable {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

	}

	/** Every way an expression can name what the entity does not have. */
	static class Misread {

		@StateField
		Phase phase = Phase.NEW;

		String customer;

		String getLabel() {
			return "computed";
		}

		boolean isHeavy() {
			return false;
		}

		public boolean weigh(int grams) {
			return grams > 0;
		}

		@Transition(source = "NEW", target = "ACTIVE", permission = "#entity.custmer == authentication.name",
				conditions = { "customer != null", "sender != null", "#entity.isLate()", "label != null",
						"weighs(1) && isHeavy()" })
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE", conditions = "#entity.weigh()")
		public void finish() {
		}

	}

	/**
	 * Fields without getters are read directly; what follows a property, what a selection
	 * reads on its elements, variables that are not the entity and Security's own root
	 * are not the entity's to have.
	 */
	static class ReadsFields {

		@StateField
		Phase phase = Phase.NEW;

		private String customer;

		java.util.List<String> tags = java.util.List.of();

		public String getLabel() {
			return "label";
		}

		public boolean weigh(int grams, int... more) {
			return true;
		}

		@Transition(source = "NEW", target = "ACTIVE",
				permission = "hasRole('X') and #entity.customer == principal.name"
						+ " and #root.authentication != null",
				conditions = { "customer.length() > 1 && label != null && #root.phase != null && #this.tags != null",
						"tags.?[length() > 2].size() == 0 && tags.![#this.toUpperCase()] != null",
						"weigh(1) && #entity.weigh(1, 2, 3) && #note?.length() > 0 && T(java.lang.Math).abs(-1) == 1" })
		public void start(String note) {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class Shipment {

		@StateField
		Phase phase = Phase.NEW;

		String customer;

	}

	static class MisreadingFlow {

		@Transition(source = "NEW", target = "ACTIVE", permission = "#shipment.owner == authentication.name",
				conditions = { "#shipment.customer != null", "#entity.customer != null" })
		public void start(Shipment shipment) {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish(Shipment shipment) {
		}

	}

	static class BadExpressions {

		@StateField
		Phase phase = Phase.NEW;

		String name;

		@Transition(source = "NEW", target = "ACTIVE", permission = "hasRole('X'", conditions = "#entity.name ==")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class BadReads {

		@StateField(readPermission = "#entity.owner ==", readFilter = "e.owner = :#{authentication.name")
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class BadReadParameter {

		@StateField(readPermission = "true", readFilter = "e.owner = :#{hasRole('X'}")
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class Read {

		@StateField(readPermission = "#entity.owner == authentication.name",
				readFilter = "e.owner = :#{authentication.name} or e.team in :#{principal.teams}")
		Phase phase = Phase.NEW;

		String owner;

		String team;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class MisreadReads {

		@StateField(readPermission = "#entity.ownr == authentication.name")
		Phase phase = Phase.NEW;

		String owner;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class Guarded {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE", permission = "hasRole('ADMIN')")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class Unproxyable {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public final void locked() {
		}

		@Transition(source = "NEW", target = "ACTIVE")
		private void hidden() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public static void shared() {
		}

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static final class FinalEntity {

		@StateField(states = "NEW")
		String phase = "NEW";

		@Transition(source = "*", target = "NEW")
		public void start() {
		}

	}

	static class Suspending {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public Object start(Continuation<? super Unit> continuation) {
			return Unit.INSTANCE;
		}

	}

	static class SuspendingFlow {

		@Transition(source = "ACTIVE", target = "DONE")
		public Object finish(Suspending entity, Continuation<? super Unit> continuation) {
			return Unit.INSTANCE;
		}

	}

	/**
	 * Its transitions would reach ACTIVE and DONE: rejected, it leaves them unreachable,
	 * unreported.
	 */
	static final class FinalFlow {

		@Transition(source = "NEW", target = "ACTIVE")
		public void start(FinalFlowEntity entity) {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish(FinalFlowEntity entity) {
		}

	}

	static class FinalFlowEntity {

		@StateField
		Phase phase = Phase.NEW;

	}

	static class RejectedTransition {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		private void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class FinalStateField {

		@StateField
		final Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "NEW")
		public void touch() {
		}

	}

	static class BadFlow {

		@Transition(source = "NEW", target = "ACTIVE")
		public void noEntity() {
		}

		@Transition(source = "NEW", target = "ACTIVE")
		public void twoEntities(Valid one, Valid other) {
		}

	}

	static class TwoFields {

		@StateField
		Phase one = Phase.NEW;

		@StateField
		Phase two = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void either() {
		}

		@Transition(field = "three", source = "NEW", target = "ACTIVE")
		public void wrong() {
		}

		@Transition(field = "one", source = "NEW", target = "ACTIVE")
		@Transition(field = "two", source = "NEW", target = "ACTIVE")
		public void both() {
		}

		@Transition(field = "one", source = "*", target = "DONE")
		public void finishOne() {
		}

		@Transition(field = "one", source = "NEW", target = "ACTIVE")
		public void startOne() {
		}

		@Transition(field = "two", source = "NEW", target = "ACTIVE")
		public void startTwo() {
		}

		@Transition(field = "two", source = "*", target = "DONE")
		public void finishTwo() {
		}

	}

	static class BadTargets {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = { "ACTIVE", "DONE" })
		public void choose() {
		}

		@Transition(source = "NEW", target = "*")
		public void everywhere() {
		}

		@Transition(source = "+", target = { "ACTIVE", "DONE" })
		public Phase others() {
			return Phase.DONE;
		}

	}

	static class Overlapping {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		@Transition(source = { "NEW", "ACTIVE" }, target = "DONE")
		public void start() {
		}

	}

	static class BadProperty {

		@StateField
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE", properties = "colour")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	static class BadFields {

		@StateField
		double amount;

		@StateField
		Phase phase;

	}

	static class Shop {

		static class Order {

			@StateField
			Phase phase = Phase.NEW;

			@Transition(source = "NEW", target = "ACTIVE")
			public void start() {
			}

			@Transition(source = "ACTIVE", target = "DONE")
			public void close() {
			}

		}

	}

	static class Warehouse {

		static class Order {

			@StateField
			Phase phase = Phase.NEW;

			@Transition(source = "NEW", target = "ACTIVE")
			public void start() {
			}

			@Transition(source = "ACTIVE", target = "DONE")
			public void close() {
			}

		}

	}

	static class BadStartState {

		@StateField(startStates = "GONE")
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "ACTIVE", target = "DONE")
		public void finish() {
		}

	}

	/** DONE is reached by no transition, but an import may create entities in it. */
	static class ImportedStart {

		@StateField(startStates = "DONE")
		Phase phase = Phase.NEW;

		@Transition(source = "NEW", target = "ACTIVE")
		public void start() {
		}

		@Transition(source = "DONE", target = "ACTIVE")
		public void reopen() {
		}

	}

}
