package dev.fsm.operations;

/**
 * Stops the start-up when {@code fsm.validation.stored-states=fail} and rows hold states
 * their workflow does not declare. Its message lists workflow, value and count, and the
 * repair.
 * <p>
 * Public because the failure analyzer reads it.
 */
public class UndeclaredStoredStatesException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final transient StoredStateReport report;

	public UndeclaredStoredStatesException(StoredStateReport report) {
		super(report.message());
		this.report = report;
	}

	/** What the check found. */
	public StoredStateReport getReport() {
		return this.report;
	}

}
