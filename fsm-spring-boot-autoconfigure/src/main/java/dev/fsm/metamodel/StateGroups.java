package dev.fsm.metamodel;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.fsm.StateGroup;
import dev.fsm.Transition;
import dev.fsm.Workflow;

/**
 * The {@link StateGroup state groups} of one workflow: read from the state field and the
 * constants of its enum, then resolved against the workflow's states into groups that
 * nest or are apart, each with every state it holds. Problems are collected, not thrown.
 */
final class StateGroups {

	static final StateGroups NONE = new StateGroups(Map.of(), List.of());

	/** The states of each group, nested groups' included, in the workflow's order. */
	private final Map<String, List<String>> states;

	private final List<Workflow.Group> views;

	private StateGroups(Map<String, List<String>> states, List<Workflow.Group> views) {
		this.states = states;
		this.views = views;
	}

	/**
	 * The groups declared on a state field and, for an enum, on its constants: each
	 * group's names of states and nested groups, in declaration order.
	 */
	static Map<String, List<String>> declared(String where, Field field, List<String> problems) {
		Map<String, Set<String>> members = new LinkedHashMap<>();
		for (StateGroup group : field.getAnnotationsByType(StateGroup.class)) {
			if (named(where, group, problems)) {
				if (group.states().length == 0) {
					problems.add(where + " has state group '" + group.value() + "' with no states; write"
							+ " @StateGroup(value = \"" + group.value() + "\", states = {..})");
				}
				members.computeIfAbsent(group.value(), (name) -> new LinkedHashSet<>()).addAll(List.of(group.states()));
			}
		}
		if (field.getType().isEnum()) {
			for (Field constant : field.getType().getDeclaredFields()) {
				if (!constant.isEnumConstant()) {
					continue;
				}
				for (StateGroup group : constant.getAnnotationsByType(StateGroup.class)) {
					if (group.states().length > 0) {
						problems.add(where + ": @StateGroup(\"" + group.value() + "\") on the constant "
								+ constant.getName() + " names states " + List.of(group.states())
								+ "; on an enum constant, the constant is" + " the state in the group");
					}
					else if (named(where, group, problems)) {
						members.computeIfAbsent(group.value(), (name) -> new LinkedHashSet<>()).add(constant.getName());
					}
				}
			}
		}
		Map<String, List<String>> result = new LinkedHashMap<>();
		members.forEach((name, names) -> result.put(name, List.copyOf(names)));
		return result;
	}

	private static boolean named(String where, StateGroup group, List<String> problems) {
		String name = group.value();
		if (name.isBlank() || Transition.ANY.equals(name) || Transition.ANY_OTHER.equals(name)) {
			problems.add(where + " has a state group named '" + name + "'; a group needs a name that is no wildcard");
			return false;
		}
		return true;
	}

	/**
	 * Resolves the declared groups against the workflow's states.
	 * @param declared each group's names of states and nested groups, from
	 * {@link #declared}
	 */
	static StateGroups resolve(String workflow, List<String> states, Map<String, List<String>> declared,
			List<String> problems) {
		if (declared.isEmpty()) {
			return NONE;
		}
		String where = "Workflow '" + workflow + "'";
		Map<String, List<String>> direct = new LinkedHashMap<>();
		declared.forEach((group, members) -> {
			if (states.contains(group)) {
				problems.add(where + " has a state group '" + group + "' named like one of its states; give the group"
						+ " another name");
				return;
			}
			List<String> known = new ArrayList<>();
			for (String member : members) {
				if (states.contains(member) || declared.containsKey(member)) {
					known.add(member);
				}
				else {
					problems.add(where + ": state group '" + group + "' names '" + member + "', which is neither a"
							+ " state " + states + " nor a state group " + declared.keySet());
				}
			}
			direct.put(group, known);
		});
		Map<String, Set<String>> flat = new LinkedHashMap<>();
		direct.forEach((group, members) -> {
			Set<String> held = new LinkedHashSet<>();
			if (!collect(group, direct, held, new LinkedHashSet<>(), states)) {
				problems.add(where + ": state group '" + group + "' holds itself through its nested groups; groups"
						+ " nest one way");
			}
			else if (held.isEmpty()) {
				if (!members.isEmpty()) {
					problems.add(where + ": state group '" + group + "' holds no state");
				}
			}
			else {
				flat.put(group, held);
			}
		});
		apart(where, flat, problems);
		Map<String, List<String>> ordered = new LinkedHashMap<>();
		flat.forEach((group, held) -> ordered.put(group, states.stream().filter(held::contains).toList()));
		return new StateGroups(ordered, views(ordered, direct, states));
	}

	/** Adds the states {@code group} holds; {@code false} when it holds itself. */
	private static boolean collect(String group, Map<String, List<String>> direct, Set<String> held, Set<String> path,
			List<String> states) {
		if (!path.add(group)) {
			return false;
		}
		for (String member : direct.getOrDefault(group, List.of())) {
			if (states.contains(member)) {
				held.add(member);
			}
			else if (!collect(member, direct, held, path, states)) {
				return false;
			}
		}
		path.remove(group);
		return true;
	}

	/**
	 * Groups that share a state must nest: each shared state then has one chain of
	 * parents.
	 */
	private static void apart(String where, Map<String, Set<String>> flat, List<String> problems) {
		List<Map.Entry<String, Set<String>>> groups = new ArrayList<>(flat.entrySet());
		for (int i = 0; i < groups.size(); i++) {
			for (int j = i + 1; j < groups.size(); j++) {
				Set<String> a = groups.get(i).getValue();
				Set<String> b = groups.get(j).getValue();
				Set<String> shared = new LinkedHashSet<>(a);
				shared.retainAll(b);
				if (!shared.isEmpty() && !a.containsAll(b) && !b.containsAll(a)) {
					problems
						.add(where + ": state groups '" + groups.get(i).getKey() + "' and '" + groups.get(j).getKey()
								+ "' share " + shared + " but neither holds the other; groups nest or are apart, as a"
								+ " state has one chain of parents");
				}
			}
		}
	}

	/**
	 * The groups, outer before inner, siblings in the order of their first state. Of
	 * groups with the same states, one that names the other holds it; else the one
	 * declared first does.
	 */
	private static List<Workflow.Group> views(Map<String, List<String>> ordered, Map<String, List<String>> direct,
			List<String> states) {
		List<Workflow.Group> pending = new ArrayList<>();
		ordered.forEach((name, held) -> pending.add(new Workflow.Group(name, held, null)));
		// a stable sort: groups of one size stay in declaration order
		pending.sort(Comparator.comparingInt((Workflow.Group group) -> -group.states().size()));
		List<Workflow.Group> outerFirst = new ArrayList<>();
		while (!pending.isEmpty()) {
			Workflow.Group next = pending.stream()
				.filter((candidate) -> pending.stream().noneMatch((other) -> holds(other, candidate, direct)))
				.findFirst()
				.orElse(pending.get(0));
			pending.remove(next);
			String parent = null;
			for (int i = outerFirst.size() - 1; i >= 0 && parent == null; i--) {
				if (outerFirst.get(i).states().containsAll(next.states())) {
					parent = outerFirst.get(i).name();
				}
			}
			outerFirst.add(new Workflow.Group(next.name(), next.states(), parent));
		}
		List<Workflow.Group> result = new ArrayList<>();
		addChildren(null, outerFirst, states, result);
		return result;
	}

	/**
	 * Whether {@code outer} must come before {@code inner}: it holds more states, or
	 * names it.
	 */
	private static boolean holds(Workflow.Group outer, Workflow.Group inner, Map<String, List<String>> direct) {
		if (outer == inner || !outer.states().containsAll(inner.states())) {
			return false;
		}
		return outer.states().size() > inner.states().size()
				|| names(outer.name(), inner.name(), direct, new LinkedHashSet<>());
	}

	private static boolean names(String outer, String inner, Map<String, List<String>> direct, Set<String> seen) {
		if (!seen.add(outer)) {
			return false;
		}
		for (String member : direct.getOrDefault(outer, List.of())) {
			if (member.equals(inner) || names(member, inner, direct, seen)) {
				return true;
			}
		}
		return false;
	}

	private static void addChildren(@Nullable String parent, List<Workflow.Group> groups, List<String> states,
			List<Workflow.Group> result) {
		List<Workflow.Group> children = new ArrayList<>();
		for (Workflow.Group group : groups) {
			if (Objects.equals(group.parent(), parent)) {
				children.add(group);
			}
		}
		children.sort(Comparator.comparingInt((Workflow.Group group) -> states.indexOf(group.states().get(0))));
		for (Workflow.Group child : children) {
			result.add(child);
			addChildren(child.name(), groups, states, result);
		}
	}

	/** Whether {@code name} is a group. */
	boolean contains(String name) {
		return this.states.containsKey(name);
	}

	/**
	 * The states of the group {@code name}, nested groups' included; empty for no group.
	 */
	List<String> states(String name) {
		return this.states.getOrDefault(name, List.of());
	}

	/** The groups of the public model, outer before inner. */
	List<Workflow.Group> views() {
		return this.views;
	}

}
