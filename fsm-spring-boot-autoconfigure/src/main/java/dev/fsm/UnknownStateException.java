package dev.fsm;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An entity's state field holds a value that is not a state of its workflow: a NULL
 * column, or a value written around the library (SQL, a bulk update, an older version of
 * the workflow). Thrown when a transition is fired or a question is asked
 * ({@code available}, {@code allowed}, {@code can}, {@code options}); nothing has
 * changed. Repair the row with {@link Transitions#forceState(Object, String, String)} or
 * a data migration.
 */
public class UnknownStateException extends IllegalStateException implements TransitionRefusal {

	private final Class<?> entityType;

	private final @Nullable Object entityId;

	private final String workflow;

	private final String field;

	private final @Nullable String value;

	private final List<String> states;

	public UnknownStateException(String message, Class<?> entityType, @Nullable Object entityId, String workflow,
			String field, @Nullable String value, List<String> states) {
		super(message);
		this.entityType = entityType;
		this.entityId = entityId;
		this.workflow = workflow;
		this.field = field;
		this.value = value;
		this.states = List.copyOf(states);
	}

	/** The entity class. */
	@Override
	public Class<?> getEntityType() {
		return this.entityType;
	}

	/** The entity's id, {@code null} for an entity that was never saved. */
	@Override
	public @Nullable Object getEntityId() {
		return this.entityId;
	}

	/** The workflow name. */
	public String getWorkflow() {
		return this.workflow;
	}

	/** The name of the state field. */
	public String getField() {
		return this.field;
	}

	/** The value found, as text; {@code null} when the field is null. */
	public @Nullable String getValue() {
		return this.value;
	}

	/** The states of the workflow. */
	public List<String> getStates() {
		return this.states;
	}

	/**
	 * {@code null}: the unknown state is found by queries too, not only by a transition.
	 */
	@Override
	public @Nullable String getTransition() {
		return null;
	}

	/** The value found, as {@link #getValue()}. */
	@Override
	public @Nullable String getCurrentState() {
		return this.value;
	}

	@Override
	public Reason getReason() {
		return Reason.UNKNOWN_STATE;
	}

}
