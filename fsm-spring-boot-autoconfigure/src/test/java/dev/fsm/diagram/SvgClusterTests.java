package dev.fsm.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

import dev.fsm.Highlight;
import dev.fsm.Workflow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * State groups in the SVG: each a cluster around its states, named, nested in its
 * parent's, with no other state inside, inside the image; and a workflow without groups
 * drawn exactly as before.
 */
class SvgClusterTests {

	static Stream<Workflow> groupedWorkflows() {
		return Stream.concat(Stream.of(SampleWorkflows.groupedOrder(), SampleWorkflows.showcase()),
				IntStream.rangeClosed(1, 30).mapToObj(SampleWorkflows::randomGroupedWorkflow));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("groupedWorkflows")
	void everyGroupIsAClusterAroundItsStatesAndNoOther(Workflow workflow) throws Exception {
		String text = new SvgRenderer().render(DiagramModel.of(workflow, Highlight.none()));
		SvgDocument svg = new SvgDocument(text);
		double[] view = viewBox(svg);
		for (Workflow.Group group : workflow.groups()) {
			Element cluster = cluster(svg, group.name());
			assertThat(cluster.getAttribute("data-parent")).isEqualTo((group.parent() != null) ? group.parent() : "");
			List<SvgDocument.Box> boxes = boxes(cluster);
			assertThat(boxes).isNotEmpty();
			assertThat(SvgDocument.elements(cluster, "text")).isNotEmpty()
				.allSatisfy((label) -> assertThat(label.getTextContent()).isEqualTo(group.name()));
			svg.states.forEach((state, drawn) -> {
				if (group.contains(state)) {
					assertThat(boxes).as("a box of %s holds its state %s", group.name(), state)
						.anySatisfy((box) -> assertThat(holds(box, drawn.box())).isTrue());
				}
				else {
					assertThat(boxes).as("no box of %s touches %s, which is not in it", group.name(), state)
						.noneSatisfy((box) -> assertThat(box.overlaps(drawn.box())).isTrue());
				}
			});
			boxes.forEach((box) -> assertThat(box.x() >= view[0] && box.y() >= view[1]
					&& box.x() + box.width() <= view[0] + view[2] && box.y() + box.height() <= view[1] + view[3])
				.as("%s of %s inside the image", box, group.name())
				.isTrue());
		}
	}

	@Test
	void nestedClustersAreDrawnAfterTheirParentsInsideThem() throws Exception {
		SvgDocument svg = new SvgDocument(
				new SvgRenderer().render(DiagramModel.of(SampleWorkflows.showcase(), Highlight.none())));
		List<String> order = new ArrayList<>();
		for (Element group : SvgDocument.elements(svg.root, "g")) {
			if (group.hasAttribute("data-group")) {
				order.add(group.getAttribute("data-group"));
			}
		}
		assertThat(order).containsExactly("S0", "S1", "S2", "S21");
		SvgDocument.Box s0 = boxes(cluster(svg, "S0")).get(0);
		for (String inner : List.of("S1", "S2", "S21")) {
			assertThat(boxes(cluster(svg, inner))).allSatisfy((box) -> assertThat(holds(s0, box)).isTrue());
		}
	}

	@Test
	void aWorkflowWithoutGroupsHasNoClusterLayerAndStartsAtTheOrigin() throws Exception {
		String text = new SvgRenderer().render(DiagramModel.of(SampleWorkflows.order(), Highlight.none()));
		assertThat(text).doesNotContain("data-group")
			.doesNotContain("data-layer=\"groups\"")
			.contains("viewBox=\"0 0 ");
	}

	private static Element cluster(SvgDocument svg, String name) {
		return SvgDocument.elements(svg.root, "g")
			.stream()
			.filter((group) -> name.equals(group.getAttribute("data-group")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no cluster " + name));
	}

	private static List<SvgDocument.Box> boxes(Element cluster) {
		return SvgDocument.elements(cluster, "rect").stream().map(SvgDocument.Box::of).toList();
	}

	private static boolean holds(SvgDocument.Box outer, SvgDocument.Box inner) {
		return inner.x() >= outer.x() - 0.01 && inner.y() >= outer.y() - 0.01
				&& inner.x() + inner.width() <= outer.x() + outer.width() + 0.01
				&& inner.y() + inner.height() <= outer.y() + outer.height() + 0.01;
	}

	private static double[] viewBox(SvgDocument svg) {
		String[] parts = svg.root.getAttribute("viewBox").split(" ");
		return new double[] { Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
				Double.parseDouble(parts[3]) };
	}

}
