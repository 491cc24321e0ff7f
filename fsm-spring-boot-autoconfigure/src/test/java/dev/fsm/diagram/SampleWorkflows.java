package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;

/**
 * Workflows built directly as read-only models, for rendering tests that need no
 * application context.
 */
final class SampleWorkflows {

	private SampleWorkflows() {
	}

	/** The case-report workflow of the talk the product grew from. */
	static Workflow caseReport() {
		String name = "CaseReport.state";
		return new Workflow(name, Object.class, "Object", "state", String.class,
				List.of("DRAFT", "ADMIN_REVIEW", "AUTHOR_REVIEW", "LIVE", "RETRACTED"), "DRAFT",
				List.of(transition(name, "submit", "Submit for review", List.of("DRAFT"), List.of("ADMIN_REVIEW"),
						null),
						transition(name, "sendBack", "sendBack", List.of("ADMIN_REVIEW"), List.of("AUTHOR_REVIEW"),
								null),
						transition(name, "approve", "approve", List.of("AUTHOR_REVIEW"), List.of("ADMIN_REVIEW"), null),
						transition(name, "publish", "publish", List.of("ADMIN_REVIEW"), List.of("LIVE"), null),
						transition(name, "retract", "retract", List.of("LIVE", "ADMIN_REVIEW"), List.of("RETRACTED"),
								null)));
	}

	/**
	 * A file upload being virus-scanned: an {@code onError} state, a {@code *} source
	 * (already expanded, as the engine does), a dynamic target, a self-loop, a check-only
	 * transition and names that need escaping.
	 */
	static Workflow upload() {
		String name = "Upload.status";
		List<String> states = List.of("NEW", "SCANNING", "CLEAN", "INFECTED", "FAILED", "DELETED");
		List<TransitionRoute> transitions = new ArrayList<>();
		transitions.add(transition(name, "scan", "Scan \"now\" & wait", List.of("NEW"), List.of("SCANNING"), "FAILED"));
		transitions.add(transition(name, "verdict", "verdict: clean; or not", List.of("SCANNING"),
				List.of("CLEAN", "INFECTED"), null));
		transitions.add(transition(name, "rescan", "rescan", List.of("SCANNING"), List.of("SCANNING"), null));
		transitions.add(transition(name, "retry", "retry", List.of("FAILED"), List.of("NEW"), null));
		transitions.add(transition(name, "delete", "delete", states, List.of("DELETED"), null));
		transitions.add(transition(name, "audit", "audit", states, List.of(), null));
		return new Workflow(name, Object.class, "Object", "status", String.class, states, "NEW", transitions);
	}

	/**
	 * A larger order workflow: fourteen states, several cycles, long edges and a
	 * wildcard.
	 */
	static Workflow order() {
		String name = "Order.status";
		List<String> states = List.of("CREATED", "PAYMENT_PENDING", "PAID", "PICKING", "PACKED", "SHIPPED",
				"IN_TRANSIT", "DELIVERED", "RETURN_REQUESTED", "RETURNED", "REFUNDED", "CANCELLED", "ON_HOLD", "LOST");
		List<TransitionRoute> transitions = new ArrayList<>();
		transitions.add(transition(name, "checkout", "checkout", List.of("CREATED"), List.of("PAYMENT_PENDING"), null));
		transitions.add(transition(name, "pay", "pay", List.of("PAYMENT_PENDING"), List.of("PAID"), "CANCELLED"));
		transitions.add(transition(name, "pick", "pick", List.of("PAID"), List.of("PICKING"), null));
		transitions.add(transition(name, "pack", "pack", List.of("PICKING"), List.of("PACKED"), null));
		transitions.add(transition(name, "unpack", "unpack", List.of("PACKED"), List.of("PICKING"), null));
		transitions.add(transition(name, "ship", "ship", List.of("PACKED"), List.of("SHIPPED"), null));
		transitions
			.add(transition(name, "handOver", "hand over to carrier", List.of("SHIPPED"), List.of("IN_TRANSIT"), null));
		transitions.add(transition(name, "deliver", "deliver", List.of("IN_TRANSIT"), List.of("DELIVERED"), null));
		transitions.add(transition(name, "lose", "report lost", List.of("IN_TRANSIT"), List.of("LOST"), null));
		transitions.add(transition(name, "requestReturn", "request return", List.of("DELIVERED"),
				List.of("RETURN_REQUESTED"), null));
		transitions.add(transition(name, "receiveReturn", "receive return", List.of("RETURN_REQUESTED"),
				List.of("RETURNED"), null));
		transitions
			.add(transition(name, "refund", "refund", List.of("RETURNED", "LOST", "PAID"), List.of("REFUNDED"), null));
		transitions.add(transition(name, "cancel", "cancel", List.of("CREATED", "PAYMENT_PENDING", "PAID", "PICKING"),
				List.of("CANCELLED"), null));
		transitions
			.add(transition(name, "hold", "hold", List.of("PAID", "PICKING", "PACKED"), List.of("ON_HOLD"), null));
		transitions.add(transition(name, "release", "release", List.of("ON_HOLD"), List.of("PICKING"), null));
		transitions.add(transition(name, "retryPayment", "retry payment", List.of("CANCELLED"),
				List.of("PAYMENT_PENDING"), null));
		return new Workflow(name, Object.class, "Object", "status", String.class, states, "CREATED", transitions);
	}

	/**
	 * An order with state groups: OPEN holds PLACED and the nested group IN_PROGRESS; a
	 * transition from all of OPEN, one from part of it, and one from a group into itself.
	 */
	static Workflow groupedOrder() {
		String name = "Order.state";
		List<String> states = List.of("PLACED", "PROCESSING", "SENT", "DELIVERED", "CANCELLED");
		List<TransitionRoute> transitions = new ArrayList<>();
		transitions.add(transition(name, "process", "process", List.of("PLACED"), List.of("PROCESSING"), null));
		transitions.add(transition(name, "send", "send", List.of("PROCESSING"), List.of("SENT"), null));
		transitions.add(transition(name, "deliver", "deliver", List.of("SENT"), List.of("DELIVERED"), null));
		transitions.add(transition(name, "cancel", "cancel", List.of("PLACED", "PROCESSING", "SENT"),
				List.of("CANCELLED"), null));
		transitions.add(transition(name, "hold", "hold", List.of("PROCESSING", "SENT"), List.of("PLACED"), null));
		transitions
			.add(transition(name, "restart", "restart", List.of("PROCESSING", "SENT"), List.of("PROCESSING"), null));
		List<Workflow.Group> groups = List.of(new Workflow.Group("OPEN", List.of("PLACED", "PROCESSING", "SENT"), null),
				new Workflow.Group("IN_PROGRESS", List.of("PROCESSING", "SENT"), "OPEN"));
		return new Workflow(name, Object.class, "Object", "state", String.class, states, "PLACED", transitions, groups);
	}

	/**
	 * Spring Statemachine's showcase: four levels of nested states as groups around its
	 * leaves.
	 */
	static Workflow showcase() {
		String name = "Machine.state";
		List<String> states = List.of("S11", "S12", "S211", "S212");
		List<String> s1 = List.of("S11", "S12");
		List<String> s2 = List.of("S211", "S212");
		List<TransitionRoute> transitions = new ArrayList<>();
		transitions.add(transition(name, "a", "a", s1, List.of("S11"), null));
		transitions.add(transition(name, "c", "c", s1, List.of("S211"), null));
		transitions.add(transition(name, "c", "c", s2, List.of("S11"), null));
		transitions.add(transition(name, "e", "e", states, List.of("S211"), null));
		transitions.add(transition(name, "g", "g", List.of("S11"), List.of("S211"), null));
		transitions.add(transition(name, "i", "i", List.of("S11"), List.of("S12"), null));
		transitions.add(transition(name, "i", "i", List.of("S211"), List.of("S212"), null));
		transitions.add(transition(name, "i", "i", List.of("S12"), List.of("S212"), null));
		List<Workflow.Group> groups = List.of(new Workflow.Group("S0", states, null),
				new Workflow.Group("S1", s1, "S0"), new Workflow.Group("S2", s2, "S0"),
				new Workflow.Group("S21", s2, "S2"));
		return new Workflow(name, Object.class, "Object", "state", String.class, states, "S11", transitions, groups);
	}

	/**
	 * A random workflow ({@link SvgRendererTests#randomWorkflow}) with random state
	 * groups that nest or are apart: up to three outer groups, some with a group nested
	 * in them.
	 */
	static Workflow randomGroupedWorkflow(int seed) {
		Workflow workflow = SvgRendererTests.randomWorkflow(seed);
		java.util.Random random = new java.util.Random(seed * 31L);
		List<String> free = new ArrayList<>(workflow.states());
		java.util.Collections.shuffle(free, random);
		List<Workflow.Group> groups = new ArrayList<>();
		int outer = 1 + random.nextInt(3);
		for (int i = 0; i < outer && !free.isEmpty(); i++) {
			int size = 1 + random.nextInt(Math.min(4, free.size()));
			List<String> members = inOrder(workflow, free.subList(0, size));
			free.subList(0, size).clear();
			groups.add(new Workflow.Group("G" + i, members, null));
			if (members.size() > 1 && random.nextBoolean()) {
				groups.add(new Workflow.Group("G" + i + "_INNER",
						members.subList(0, 1 + random.nextInt(members.size() - 1)), "G" + i));
			}
		}
		return new Workflow(workflow.name(), Object.class, "Object", "state", String.class, workflow.states(),
				workflow.initialState(), workflow.transitions(), groups);
	}

	private static List<String> inOrder(Workflow workflow, List<String> states) {
		return workflow.states().stream().filter(states::contains).toList();
	}

	static TransitionRoute transition(String workflow, String name, String label, List<String> sources,
			List<String> targets, @Nullable String onError) {
		return new TransitionRoute(workflow, name, label, "", sources, targets, onError, null, List.of(), Map.of(),
				List.of());
	}

}
