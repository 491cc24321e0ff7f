package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import dev.fsm.Highlight;
import dev.fsm.TransitionRoute;
import dev.fsm.Workflow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SVG images, parsed as XML: every state and edge is there, boxes and labels do not
 * overlap, edges start and end on their boxes, and the markings (initial, final, error,
 * highlight) are drawn.
 */
class SvgRendererTests {

	@Test
	void caseReportHasEveryStateOnceAndEveryTransitionAsAnEdge() throws Exception {
		SvgDocument svg = render(SampleWorkflows.caseReport(), Highlight.none());
		assertThat(svg.states).containsOnlyKeys("DRAFT", "ADMIN_REVIEW", "AUTHOR_REVIEW", "LIVE", "RETRACTED");
		for (String state : svg.states.keySet()) {
			assertThat(SvgDocument.elements(svg.states.get(state).element(), "text")).singleElement()
				.extracting(Element::getTextContent)
				.isEqualTo(state);
		}
		assertThat(svg.edges("DRAFT", "ADMIN_REVIEW", "submit")).singleElement()
			.satisfies((edge) -> assertThat(edge.labels()).extracting(Element::getTextContent)
				.containsExactly("Submit for review"));
		assertThat(svg.edges("ADMIN_REVIEW", "AUTHOR_REVIEW", "sendBack")).hasSize(1);
		assertThat(svg.edges("AUTHOR_REVIEW", "ADMIN_REVIEW", "approve")).hasSize(1);
		assertThat(svg.edges("ADMIN_REVIEW", "LIVE", "publish")).hasSize(1);
		assertThat(svg.edges("LIVE", "RETRACTED", "retract")).hasSize(1);
		assertThat(svg.edges("ADMIN_REVIEW", "RETRACTED", "retract")).hasSize(1);
		assertThat(svg.edges).hasSize(6);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("sampleWorkflows")
	void drawsEveryStateAndEdgeWithoutOverlaps(Workflow workflow) throws Exception {
		SvgDocument svg = render(workflow, Highlight.none());
		assertThat(svg.states.keySet()).containsExactlyElementsOf(workflow.states());
		for (TransitionRoute transition : workflow.transitions()) {
			for (String source : transition.sources()) {
				for (String target : transition.targets()) {
					assertThat(svg.edges(source, target, transition.name()))
						.as("edge %s %s -> %s", transition.name(), source, target)
						.filteredOn((edge) -> !edge.isError())
						.hasSize(1);
				}
				if (transition.onError() != null) {
					assertThat(svg.edges(source, transition.onError(), transition.name()))
						.as("error edge %s %s -> %s", transition.name(), source, transition.onError())
						.filteredOn(SvgDocument.Edge::isError)
						.hasSize(1);
				}
			}
		}
		assertNoOverlaps(svg);
		assertEdgesRunFromBoxToBox(svg);
	}

	static Stream<Workflow> sampleWorkflows() {
		return Stream
			.of(Stream.of(SampleWorkflows.caseReport(), SampleWorkflows.upload(), SampleWorkflows.order(),
					SampleWorkflows.groupedOrder(), SampleWorkflows.showcase()),
					IntStream.rangeClosed(1, 40).mapToObj(SvgRendererTests::randomWorkflow),
					IntStream.rangeClosed(1, 30).mapToObj(SampleWorkflows::randomGroupedWorkflow))
			.flatMap((workflows) -> workflows);
	}

	@Test
	void marksTheInitialStateWithAStartDotAndFinalStatesWithADoubleBorder() throws Exception {
		SvgDocument svg = render(SampleWorkflows.caseReport(), Highlight.none());
		assertThat(svg.states.values().stream().filter((state) -> state.is("initial")))
			.extracting((state) -> state.element().getAttribute("data-state"))
			.containsExactly("DRAFT");
		Element start = SvgDocument.elements(svg.root, "circle").get(0);
		assertThat(start.getAttribute("data-start")).isEqualTo("true");
		assertThat(Double.parseDouble(start.getAttribute("cx"))).isLessThan(svg.states.get("DRAFT").box().x());
		assertThat(svg.states.get("RETRACTED").is("final")).isTrue();
		assertThat(svg.states.get("RETRACTED").borders()).isEqualTo(2);
		assertThat(svg.states.get("LIVE").is("final")).isFalse();
		assertThat(svg.states.get("LIVE").borders()).isEqualTo(1);
	}

	@Test
	void drawsOnErrorEdgesDashedAndOthersSolid() throws Exception {
		SvgDocument svg = render(SampleWorkflows.upload(), Highlight.none());
		SvgDocument.Edge error = svg.edges.stream().filter(SvgDocument.Edge::isError).findFirst().orElseThrow();
		assertThat(error.source()).isEqualTo("NEW");
		assertThat(error.target()).isEqualTo("FAILED");
		assertThat(error.labels()).extracting(Element::getTextContent)
			.containsExactly("Scan \"now\" & wait (on error)");
		assertThat(error.path().getAttribute("stroke-dasharray")).isEqualTo("6 4");
		assertThat(svg.edges.stream().filter((edge) -> !edge.isError()))
			.allSatisfy((edge) -> assertThat(edge.path().getAttribute("stroke-dasharray")).isEqualTo("none"));
	}

	@Test
	void expandsWildcardSourcesDrawsSelfLoopsAsLoopsAndLeavesOutCheckOnlyTransitions() throws Exception {
		SvgDocument svg = render(SampleWorkflows.upload(), Highlight.none());
		for (String state : List.of("NEW", "SCANNING", "CLEAN", "INFECTED", "FAILED", "DELETED")) {
			assertThat(svg.edges(state, "DELETED", "delete")).hasSize(1);
		}
		SvgDocument.Edge rescan = svg.edges("SCANNING", "SCANNING", "rescan").get(0);
		SvgDocument.Box scanning = svg.states.get("SCANNING").box();
		List<double[]> points = rescan.points();
		assertThat(points.get(0)[1]).isEqualTo(scanning.y());
		assertThat(points.get(points.size() - 1)[1]).isEqualTo(scanning.y());
		assertThat(points).anySatisfy((point) -> assertThat(point[1]).isLessThan(scanning.y() - 20));
		assertThat(svg.edges).noneMatch((edge) -> edge.transitions().contains("audit"));
	}

	@Test
	void drawsBackEdgesIntoTheFacingSideOfTheirTarget() throws Exception {
		SvgDocument svg = render(SampleWorkflows.caseReport(), Highlight.none());
		SvgDocument.Box adminReview = svg.states.get("ADMIN_REVIEW").box();
		List<double[]> approve = svg.edges("AUTHOR_REVIEW", "ADMIN_REVIEW", "approve").get(0).points();
		double[] tip = approve.get(approve.size() - 1);
		assertThat(tip[0]).isEqualTo(adminReview.x() + adminReview.width());
		List<double[]> sendBack = svg.edges("ADMIN_REVIEW", "AUTHOR_REVIEW", "sendBack").get(0).points();
		assertThat(sendBack.get(0)[0]).isEqualTo(adminReview.x() + adminReview.width());
	}

	@Test
	void highlightsTheCurrentStateAndEmphasisesTheAllowedTransitionsOnly() throws Exception {
		SvgDocument svg = render(SampleWorkflows.caseReport(),
				Highlight.of("ADMIN_REVIEW", Set.of("publish", "sendBack")));
		assertThat(svg.states.get("ADMIN_REVIEW").is("current")).isTrue();
		assertThat(svg.states.get("ADMIN_REVIEW").fill()).isEqualTo(DiagramStyle.CURRENT_FILL);
		assertThat(svg.states.values().stream().filter((state) -> state.is("current"))).hasSize(1);
		assertThat(svg.edges.stream().filter(SvgDocument.Edge::isEmphasised)).extracting(SvgDocument.Edge::transitions)
			.containsExactlyInAnyOrder(List.of("sendBack"), List.of("publish"));
		for (SvgDocument.Edge edge : svg.edges) {
			assertThat(edge.path().getAttribute("stroke"))
				.isEqualTo(edge.isEmphasised() ? DiagramStyle.EMPHASIS : DiagramStyle.MUTED);
		}
		SvgDocument.Edge publish = svg.edges("ADMIN_REVIEW", "LIVE", "publish").get(0);
		assertThat(publish.labels().get(0).getAttribute("font-weight")).isEqualTo("bold");
	}

	@Test
	void emphasisesOnlyTheEdgesThatLeaveTheCurrentState() throws Exception {
		SvgDocument svg = render(SampleWorkflows.caseReport(), Highlight.of("LIVE", Set.of("retract")));
		assertThat(svg.edges("LIVE", "RETRACTED", "retract").get(0).isEmphasised()).isTrue();
		assertThat(svg.edges("ADMIN_REVIEW", "RETRACTED", "retract").get(0).isEmphasised()).isFalse();
	}

	@Test
	void escapesNamesAndLabels() throws Exception {
		List<String> states = List.of("<new>", "done & dusted");
		Workflow workflow = new Workflow("Odd \"names\"", Object.class, "Object", "state", String.class, states,
				"<new>", List.of(SampleWorkflows.transition("Odd \"names\"", "finish", "finish <now> & 'then'",
						List.of("<new>"), List.of("done & dusted"), null)));
		SvgDocument svg = render(workflow, Highlight.none());
		assertThat(svg.states).containsOnlyKeys("<new>", "done & dusted");
		assertThat(svg.edges("<new>", "done & dusted", "finish").get(0).labels().get(0).getTextContent())
			.isEqualTo("finish <now> & 'then'");
	}

	private static void assertNoOverlaps(SvgDocument svg) {
		List<SvgDocument.Box> boxes = svg.states.values().stream().map(SvgDocument.State::box).toList();
		List<SvgDocument.Box> labels = new ArrayList<>();
		svg.edges.forEach((edge) -> labels.addAll(edge.labelBoxes()));
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				assertThat(boxes.get(i).overlaps(boxes.get(j))).as("%s overlaps %s", boxes.get(i), boxes.get(j))
					.isFalse();
			}
			for (SvgDocument.Box label : labels) {
				assertThat(boxes.get(i).overlaps(label)).as("label %s overlaps state %s", label, boxes.get(i))
					.isFalse();
			}
		}
		for (int i = 0; i < labels.size(); i++) {
			for (int j = i + 1; j < labels.size(); j++) {
				assertThat(labels.get(i).overlaps(labels.get(j)))
					.as("label %s overlaps %s", labels.get(i), labels.get(j))
					.isFalse();
			}
		}
		boxes.forEach((box) -> assertThat(box.x() >= 0 && box.y() >= 0 && box.x() + box.width() <= svg.width
				&& box.y() + box.height() <= svg.height)
			.as("%s inside the image", box)
			.isTrue());
	}

	private static void assertEdgesRunFromBoxToBox(SvgDocument svg) {
		for (SvgDocument.Edge edge : svg.edges) {
			List<double[]> points = edge.points();
			assertThat(svg.states.get(edge.source()).box().onBorder(points.get(0)))
				.as("%s -> %s starts on its source", edge.source(), edge.target())
				.isTrue();
			assertThat(svg.states.get(edge.target()).box().onBorder(points.get(points.size() - 1)))
				.as("%s -> %s ends on its target", edge.source(), edge.target())
				.isTrue();
			assertThat(points).allSatisfy((point) -> assertThat(
					point[0] >= 0 && point[0] <= svg.width && point[1] >= 0 && point[1] <= svg.height)
				.as("inside the image")
				.isTrue());
		}
	}

	private static SvgDocument render(Workflow workflow, Highlight highlight) throws Exception {
		return new SvgDocument(new SvgRenderer().render(DiagramModel.of(workflow, highlight)));
	}

	/**
	 * A workflow of 3 to 20 states, each reachable, with forward, back, long and self
	 * edges.
	 */
	static Workflow randomWorkflow(int seed) {
		Random random = new Random(seed);
		int count = 3 + random.nextInt(18);
		List<String> states = IntStream.range(0, count).mapToObj((i) -> "STATE_" + i).toList();
		String name = "Random" + seed + ".state";
		List<TransitionRoute> transitions = new ArrayList<>();
		for (int i = 1; i < count; i++) {
			String source = states.get(random.nextInt(i));
			transitions.add(SampleWorkflows.transition(name, "t" + i, "to " + i, List.of(source),
					List.of(states.get(i)), null));
		}
		int extra = random.nextInt(count + 1);
		for (int i = 0; i < extra; i++) {
			String source = states.get(random.nextInt(count));
			String target = states.get(random.nextInt(count));
			String onError = (random.nextInt(6) == 0) ? states.get(random.nextInt(count)) : null;
			transitions.add(SampleWorkflows.transition(name, "x" + i, "extra transition " + i, List.of(source),
					List.of(target), onError));
		}
		return new Workflow(name, Object.class, "Object", "state", String.class, states, states.get(0), transitions);
	}

}
