package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.fsm.Workflow;

/**
 * The state groups of a workflow in the HTTP API: how many entities each holds, added up
 * from the counts per state (so within the user's read filter), and the states of one
 * group to list.
 */
final class GroupViews {

	private GroupViews() {
	}

	/** The groups of the workflow: name, parent and states. */
	static List<Map<String, Object>> groups(Workflow workflow) {
		List<Map<String, Object>> groups = new ArrayList<>();
		for (Workflow.Group group : workflow.groups()) {
			Map<String, Object> view = new LinkedHashMap<>();
			view.put("group", group.name());
			view.put("parent", group.parent());
			view.put("states", group.states());
			groups.add(view);
		}
		return groups;
	}

	/**
	 * Each group with {@code count}, the entities in its states.
	 * @param stateCounts the counts per state ({@code state}, {@code count})
	 */
	static List<Map<String, Object>> counts(Workflow workflow, List<Map<String, Object>> stateCounts) {
		Map<Object, Long> byState = new LinkedHashMap<>();
		stateCounts.forEach((entry) -> byState.put(entry.get("state"), (Long) entry.get("count")));
		List<Map<String, Object>> groups = groups(workflow);
		for (int i = 0; i < groups.size(); i++) {
			long count = 0;
			for (String state : workflow.groups().get(i).states()) {
				count += byState.getOrDefault(state, 0L);
			}
			groups.get(i).put("count", count);
		}
		return groups;
	}

	/**
	 * The values of the states of {@code group}, for the list's query.
	 * @throws WorkflowApiException (400) when the workflow has no such group
	 */
	static List<Object> values(Workflow workflow, String group) {
		for (Workflow.Group candidate : workflow.groups()) {
			if (candidate.name().equals(group)) {
				return new ArrayList<>(candidate.values(workflow.stateType()));
			}
		}
		throw new WorkflowApiException(ProblemType.BAD_REQUEST, "'" + group + "' is not a state group of workflow '"
				+ workflow.name() + "' " + workflow.groups().stream().map(Workflow.Group::name).toList(),
				Map.of("group", group));
	}

}
