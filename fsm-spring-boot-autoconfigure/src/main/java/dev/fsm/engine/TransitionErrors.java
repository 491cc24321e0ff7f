package dev.fsm.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;

import dev.fsm.ArgumentViolation;
import dev.fsm.CallerLeftBehindException;
import dev.fsm.ConcurrentTransitionException;
import dev.fsm.InvalidTargetStateException;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionConditionException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.TransitionOption;
import dev.fsm.Transitions;
import dev.fsm.UnknownEntityException;
import dev.fsm.UnknownStateException;
import dev.fsm.UnknownTransitionException;
import dev.fsm.VersionMismatchException;
import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.RouteModel;
import dev.fsm.metamodel.TransitionCondition;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.spi.EntityStore;

/**
 * Builds the exceptions of refused and failed transitions, with messages that name the
 * entity, its id, the transition, the current state and what went wrong.
 */
final class TransitionErrors {

	private TransitionErrors() {
	}

	/**
	 * {@code CaseReport#42}, the id written as the audit trail writes it;
	 * {@code CaseReport (unsaved)}.
	 */
	static String entity(EntityStore store, Class<?> type, @Nullable Object id) {
		return type.getSimpleName() + ((id != null) ? "#" + store.formatId(type, id) : " (unsaved)");
	}

	static TransitionNotAllowedException notAllowed(RunningTransition attempt) {
		TransitionModel transition = attempt.model();
		Class<?> type = attempt.workflowModel().entityType();
		Object id = attempt.entityId();
		String message = "Transition '" + transition.name() + "' is not allowed from state '" + attempt.sourceState()
				+ "' on " + attempt.entityLabel() + " (allowed from: " + String.join(", ", transition.sourceNames())
				+ ")";
		return new TransitionNotAllowedException(message, type, id, transition.name(), attempt.sourceState(),
				transition.sourceNames());
	}

	static UnknownTransitionException unknown(EntityStore store, Class<?> type, @Nullable Object id, String name,
			List<WorkflowModel> workflows, Object entity) {
		String states = workflows.stream()
			.map((w) -> w.state().getName(entity))
			.map(String::valueOf)
			.collect(Collectors.joining(", "));
		List<String> known = workflows.stream()
			.flatMap((w) -> w.transitions().stream())
			.map(TransitionModel::name)
			.toList();
		String message = entity(store, type, id) + " has no transition '" + name + "' (transitions: "
				+ String.join(", ", known) + ")";
		return new UnknownTransitionException(message, type, id, name, states, known);
	}

	static UnknownTransitionException ambiguous(EntityStore store, Class<?> type, @Nullable Object id, String name,
			Collection<TransitionModel> candidates) {
		String workflows = candidates.stream().map((t) -> t.workflow().name()).collect(Collectors.joining(", "));
		String message = "Transition '" + name + "' on " + entity(store, type, id) + " is ambiguous: workflows "
				+ workflows + " each have one; fire it through transitions.on(entity) instead";
		return new UnknownTransitionException(message, type, id, name, null, List.of());
	}

	/**
	 * Arguments that do not fit the method: their number, a type, or a null where Kotlin
	 * declares the parameter non-null ({@code why}).
	 */
	static InvalidTransitionArgumentsException badArguments(EntityStore store, TransitionModel transition,
			Object entity, @Nullable Object id, @Nullable Object[] arguments, String why) {
		Class<?> type = transition.workflow().entityType();
		List<String> types = transition.argumentTypeNames();
		List<String> names = transition.argumentNames();
		StringBuilder expected = new StringBuilder();
		for (int i = 0; i < types.size(); i++) {
			expected.append((i > 0) ? ", " : "").append(types.get(i)).append(' ').append(names.get(i));
			if (transition.hasDefault(i)) {
				expected.append(" = default");
			}
		}
		String given = java.util.Arrays.stream(arguments)
			.map((a) -> (a == Transitions.DEFAULT) ? "default" : (a != null) ? a.getClass().getSimpleName() : "null")
			.collect(Collectors.joining(", "));
		String message = "Transition '" + transition.name() + "' on " + entity(store, type, id) + " takes arguments ("
				+ expected + ") but was given (" + given + ")" + why;
		return new InvalidTransitionArgumentsException(message, type, id, transition.name(),
				transition.workflow().state().getName(entity), List.of());
	}

	/**
	 * A transition fired where the caller's transaction or user did not follow, with the
	 * reason {@link CoroutineCallers} gives.
	 */
	static CallerLeftBehindException callerLeftBehind(EntityStore store, TransitionModel transition, Object entity,
			String reason) {
		Class<?> type = transition.workflow().entityType();
		Object id = store.idOf(entity);
		return new CallerLeftBehindException(
				"Transition '" + transition.name() + "' on " + entity(store, type, id) + " " + reason, type, id,
				transition.name(), transition.workflow().state().getName(entity));
	}

	/**
	 * {@link #callerLeftBehind(EntityStore, TransitionModel, Object, String)} before the
	 * entity is loaded.
	 */
	static CallerLeftBehindException callerLeftBehind(EntityStore store, Class<?> type, @Nullable Object id,
			String transition, String reason) {
		return new CallerLeftBehindException(
				"Transition '" + transition + "' on " + entity(store, type, id) + " " + reason, type, id, transition,
				null);
	}

	static TransitionConditionException conditionsFailed(RunningTransition attempt, List<String> failed,
			WorkflowMessages messages) {
		Class<?> type = attempt.workflowModel().entityType();
		Object id = attempt.entityId();
		List<String> names = new ArrayList<>();
		List<String> shown = new ArrayList<>();
		for (String expression : failed) {
			String name = conditionName(attempt.route(), expression);
			names.add(name);
			shown.add(name.equals(expression) ? expression : name + " (" + expression + ")");
		}
		String message = "Transition '" + attempt.model().name() + "' is not allowed on " + attempt.entityLabel()
				+ " in state '" + attempt.sourceState() + "': " + ((failed.size() == 1) ? "condition" : "conditions")
				+ " not met: " + String.join("; ", shown);
		String userMessage = String.valueOf(messages.refusal(
				new TransitionOption(attempt.route().view(), TransitionOption.Status.CONDITIONS_FAILED, failed),
				attempt.entity()));
		return new TransitionConditionException(message, type, id, attempt.model().name(), attempt.sourceStateOrNone(),
				failed, names, userMessage);
	}

	private static String conditionName(RouteModel route, String expression) {
		for (TransitionCondition condition : route.conditions()) {
			if (condition.expression().equals(expression)) {
				return condition.name();
			}
		}
		return expression;
	}

	static TransitionDeniedException denied(RunningTransition attempt, String permission, WorkflowMessages messages) {
		Class<?> type = attempt.workflowModel().entityType();
		Object id = attempt.entityId();
		String message = "Transition '" + attempt.model().name() + "' on " + attempt.entityLabel() + " in state '"
				+ attempt.sourceState() + "' is denied to '" + attempt.actor() + "' (permission: " + permission + ")";
		String userMessage = String.valueOf(messages.refusal(
				new TransitionOption(attempt.route().view(), TransitionOption.Status.DENIED, List.of(permission)),
				attempt.entity()));
		return new TransitionDeniedException(message, type, id, attempt.model().name(), attempt.sourceStateOrNone(),
				attempt.actor(), permission, userMessage);
	}

	static InvalidTransitionArgumentsException invalidArguments(RunningTransition attempt,
			List<ArgumentViolation> violations) {
		String message = "Transition '" + attempt.model().name() + "' on " + attempt.entityLabel() + " in state '"
				+ attempt.sourceState() + "' was called with invalid arguments: "
				+ violations.stream().map(ArgumentViolation::toString).collect(Collectors.joining("; "));
		return new InvalidTransitionArgumentsException(message, attempt.workflowModel().entityType(),
				attempt.entityId(), attempt.model().name(), attempt.sourceStateOrNone(), violations);
	}

	static InvalidTargetStateException invalidTarget(RunningTransition attempt, RouteModel route,
			@Nullable Object returned) {
		Class<?> type = attempt.workflowModel().entityType();
		Object id = attempt.entityId();
		List<String> targets = route.view().targets();
		String message = "Transition '" + attempt.model().name() + "' on " + attempt.entityLabel() + " from state '"
				+ attempt.sourceState() + "' returned "
				+ ((returned instanceof String) ? "'" + returned + "'" : returned)
				+ ", which is not one of its targets (" + String.join(", ", targets) + ")";
		return new InvalidTargetStateException(message, type, id, attempt.model().name(), attempt.sourceStateOrNone(),
				returned, targets);
	}

	static UnknownStateException unknownState(EntityStore store, WorkflowModel workflow, @Nullable Object id,
			@Nullable Object value) {
		String field = workflow.state().field().getName();
		String shown = (value != null) ? "'" + workflow.state().name(value) + "'" : "NULL";
		String message = entity(store, workflow.entityType(), id) + " has state " + shown + " in field '" + field
				+ "', which is not a state of workflow '" + workflow.name() + "' " + workflow.states()
				+ "; no transition can start from it (repair it with transitions.forceState(..) or a data migration)";
		return new UnknownStateException(message, workflow.entityType(), id, workflow.name(), field,
				(value != null) ? workflow.state().name(value) : null, workflow.states());
	}

	static ConcurrentTransitionException staleState(RunningTransition attempt) {
		Class<?> type = attempt.workflowModel().entityType();
		Object id = attempt.entityId();
		String message = "Transition '" + attempt.model().name() + "' on " + attempt.entityLabel() + " from state '"
				+ attempt.sourceState() + "' lost to a concurrent change: another transaction"
				+ " changed the state stored in the database since the entity was loaded; reload it and try again";
		return new ConcurrentTransitionException(message, type, id, attempt.model().name(), attempt.sourceStateOrNone(),
				null);
	}

	static IllegalStateException stateWrittenByBody(RunningTransition attempt, @Nullable Object found,
			@Nullable Object expected) {
		WorkflowModel workflow = attempt.workflowModel();
		return new IllegalStateException("The body of transition '" + attempt.model().name() + "' on "
				+ attempt.entityLabel() + " set its state field '" + workflow.state().field().getName() + "' to "
				+ name(workflow, found) + " instead of leaving it at " + name(workflow, expected)
				+ "; only transitions change a @StateField (fire the next transition"
				+ " through Transitions to chain it)");
	}

	private static String name(WorkflowModel workflow, @Nullable Object value) {
		return (value != null) ? "'" + workflow.state().name(value) + "'" : "NULL";
	}

	/**
	 * Takes a row lock, the one place where a lock not granted in time (the database's
	 * lock or statement timeout, or NOWAIT) becomes a
	 * {@link TransitionLockTimeoutException}: firing by id, the checks of a pessimistic
	 * transition and a forced state all lock through it.
	 * @param refusal the refusal, with what the site knows of the entity, from the
	 * database's exception
	 */
	static <T extends @Nullable Object> T locking(Supplier<T> lock,
			Function<RuntimeException, TransitionLockTimeoutException> refusal) {
		try {
			return lock.get();
		}
		catch (PessimisticLockingFailureException | QueryTimeoutException ex) {
			throw refusal.apply(ex);
		}
	}

	static TransitionLockTimeoutException lockTimeout(RunningTransition attempt, Duration timeout, Throwable cause) {
		return lockTimeout(attempt.workflowModel().entityType(), attempt.entityId(), attempt.entityLabel(),
				attempt.model().name(), attempt.sourceStateOrNone(), timeout, cause);
	}

	/**
	 * @param state the entity's state, or {@code null} when it was not read (firing by
	 * id, the lock comes first)
	 */
	static TransitionLockTimeoutException lockTimeout(Class<?> type, @Nullable Object id, String entity,
			String transition, @Nullable String state, Duration timeout, Throwable cause) {
		String waited = timeout.isZero() ? "at once (NOWAIT)" : "within " + timeout.toMillis() + " ms";
		String message = "Transition '" + transition + "' on " + entity
				+ ((state != null) ? " in state '" + state + "'" : "") + " could not lock the entity " + waited
				+ ": another transaction holds it; nothing changed, try again later";
		return new TransitionLockTimeoutException(message, type, id, transition, (state != null) ? state : "unknown",
				timeout, cause);
	}

	static ConcurrentTransitionException conflict(RunningTransition attempt, @Nullable Throwable cause) {
		return conflict(attempt.workflowModel().entityType(), attempt.entityId(), attempt.entityLabel(),
				attempt.model().name(), attempt.sourceState(), cause);
	}

	/** Firing by id found no entity with the id. */
	static UnknownEntityException unknownEntity(EntityStore store, Class<?> type, Object id) {
		return new UnknownEntityException(entity(store, type, id) + " does not exist", type, id);
	}

	/**
	 * Firing by id expected the entity at {@code expected}, and found it at
	 * {@code actual}.
	 */
	static VersionMismatchException versionMismatch(EntityStore store, Class<?> type, Object id, String transition,
			String state, Object expected, Object actual) {
		String message = "Transition '" + transition + "' on " + entity(store, type, id) + " expected version "
				+ expected + ", but the entity is at version " + actual
				+ ": it changed since it was read; reload it and try again";
		return new VersionMismatchException(message, type, id, transition, state, expected, actual);
	}

	/**
	 * A retried transition that lost every attempt: the last failure, saying how many
	 * attempts lost, with the earlier ones suppressed.
	 */
	static RuntimeException gaveUp(TransitionModel transition, List<RuntimeException> lost) {
		RuntimeException last = lost.get(lost.size() - 1);
		String message = last.getMessage() + " (gave up after " + lost.size() + " attempts: transition '"
				+ transition.name() + "' declares retries = " + transition.concurrency().retries() + ")";
		RuntimeException failure;
		if (last instanceof TransitionLockTimeoutException locked) {
			failure = new TransitionLockTimeoutException(message, locked.getEntityType(), locked.getEntityId(),
					locked.getTransition(), locked.getCurrentState(), locked.getTimeout(), last);
		}
		else {
			ConcurrentTransitionException conflict = (ConcurrentTransitionException) last;
			failure = new ConcurrentTransitionException(message, conflict.getEntityType(), conflict.getEntityId(),
					conflict.getTransition(), conflict.getCurrentState(), last);
		}
		for (RuntimeException earlier : lost.subList(0, lost.size() - 1)) {
			failure.addSuppressed(earlier);
		}
		return failure;
	}

	static IllegalStateException guardFailed(RunningTransition attempt, String kind, String expression,
			RuntimeException cause) {
		return new IllegalStateException("The " + kind + " \"" + expression + "\" of transition '"
				+ attempt.model().name() + "' could not be evaluated on " + attempt.entityLabel() + " in state '"
				+ attempt.sourceState() + "': " + cause.getMessage(), cause);
	}

	/**
	 * A transition, or a forced state, that lost to a concurrent change.
	 * @param state the source state, {@code null} when there was none (a forced state
	 * repairing NULL)
	 */
	static ConcurrentTransitionException conflict(Class<?> type, @Nullable Object id, String entity, String transition,
			@Nullable String state, @Nullable Throwable cause) {
		String message = "Transition '" + transition + "' on " + entity + " from state '" + state
				+ "' lost to a concurrent change: the entity was modified by another transaction since it was loaded;"
				+ " reload it and try again";
		return new ConcurrentTransitionException(message, type, id, transition, (state != null) ? state : "none",
				cause);
	}

}
