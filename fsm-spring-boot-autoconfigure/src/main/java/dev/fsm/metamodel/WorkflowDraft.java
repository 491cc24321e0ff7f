package dev.fsm.metamodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.fsm.StateInfo;

/**
 * A workflow while its declarations are being collected.
 */
final class WorkflowDraft {

	private final String name;

	private final String entityName;

	private final Class<?> entityType;

	private final StateAccessor accessor;

	private final List<String> declaredStates;

	private final String initialState;

	private final List<String> startStates;

	private final ConcurrencyPolicy concurrency;

	private final List<TransitionDraft> transitions = new ArrayList<>();

	private boolean complete = true;

	private @Nullable StateTimestamp stateChangedAt;

	private ReadRules reads = ReadRules.NONE;

	private Map<String, List<String>> groups = Map.of();

	private Map<String, StateInfo> stateInfos = Map.of();

	private String stuckAfter = "";

	WorkflowDraft(String name, String entityName, Class<?> entityType, StateAccessor accessor,
			List<String> declaredStates, String initialState, List<String> startStates, ConcurrencyPolicy concurrency) {
		this.concurrency = concurrency;
		this.name = name;
		this.entityName = entityName;
		this.startStates = startStates;
		this.entityType = entityType;
		this.accessor = accessor;
		this.declaredStates = declaredStates;
		this.initialState = initialState;
	}

	void add(TransitionDraft transition, List<String> problems) {
		for (TransitionDraft existing : this.transitions) {
			if (existing.name().equals(transition.name())) {
				problems.add("Workflow '" + this.name + "' has two transitions named '" + transition.name() + "': "
						+ existing.describe() + " and " + transition.describe());
				// the rejected one's targets would look unreachable, or not, by the JDK's
				// method order
				markIncomplete();
				return;
			}
		}
		this.transitions.add(transition);
	}

	@Nullable StateTimestamp stateChangedAt() {
		return this.stateChangedAt;
	}

	void stateChangedAt(StateTimestamp timestamp) {
		this.stateChangedAt = timestamp;
	}

	/**
	 * Who may read the workflow's entities through the HTTP API, as declared on the state
	 * field.
	 */
	ReadRules reads() {
		return this.reads;
	}

	void reads(ReadRules reads) {
		this.reads = reads;
	}

	/** The declared state groups: each one's names of states and nested groups. */
	Map<String, List<String>> groups() {
		return this.groups;
	}

	void groups(Map<String, List<String>> groups) {
		this.groups = groups;
	}

	/** The {@link StateInfo} declarations by state name. */
	Map<String, StateInfo> stateInfos() {
		return this.stateInfos;
	}

	/** The workflow's {@code @StateField(stuckAfter)}, empty for the default. */
	String stuckAfter() {
		return this.stuckAfter;
	}

	void stateInfos(Map<String, StateInfo> stateInfos, String stuckAfter) {
		this.stateInfos = stateInfos;
		this.stuckAfter = stuckAfter;
	}

	/**
	 * Records that a transition of this workflow was rejected, so that the workflow is
	 * incomplete.
	 */
	void markIncomplete() {
		this.complete = false;
	}

	/** Whether every transition declared for this workflow was accepted. */
	boolean isComplete() {
		return this.complete;
	}

	String name() {
		return this.name;
	}

	String entityName() {
		return this.entityName;
	}

	List<String> startStates() {
		return this.startStates;
	}

	Class<?> entityType() {
		return this.entityType;
	}

	StateAccessor accessor() {
		return this.accessor;
	}

	List<String> declaredStates() {
		return this.declaredStates;
	}

	String initialState() {
		return this.initialState;
	}

	/** What the workflow's {@code @StateField} declares about locking and retries. */
	ConcurrencyPolicy concurrency() {
		return this.concurrency;
	}

	List<TransitionDraft> transitions() {
		return this.transitions;
	}

	/**
	 * {@code @StateField(readPermission, readFilter)}, empty when not declared.
	 *
	 * @param permission the read permission expression
	 * @param filter the JPQL condition of the lists
	 */
	record ReadRules(String permission, String filter) {

		static final ReadRules NONE = new ReadRules("", "");

	}

}
