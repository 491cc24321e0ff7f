package dev.fsm.diagram;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.DiagramFormat;
import dev.fsm.Highlight;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The {@link WorkflowDiagrams} bean draws an entity's workflow with its current state and
 * the transitions the current user may fire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WorkflowDiagramsTests {

	@Autowired
	WorkflowDiagrams diagrams;

	@Autowired
	Transitions transitions;

	@Autowired
	InvoiceRepository invoices;

	@Autowired
	TransactionTemplate transaction;

	@Test
	@WithMockUser(roles = "ACCOUNTANT")
	void highlightsTheCurrentStateAndWhatTheCurrentUserMayFire() throws Exception {
		Invoice invoice = sent();
		SvgDocument svg = new SvgDocument(this.diagrams.svg(invoice));
		assertThat(svg.states.get("SENT").is("current")).isTrue();
		assertThat(svg.edges.stream().filter(SvgDocument.Edge::isEmphasised))
			.extracting(SvgDocument.Edge::source, SvgDocument.Edge::target, SvgDocument.Edge::transitions)
			.containsExactlyInAnyOrder(tuple("SENT", "PAID", List.of("pay")),
					tuple("SENT", "OVERDUE", List.of("remind")));
	}

	@Test
	@WithMockUser(roles = "MANAGER")
	void emphasisesOtherTransitionsForAnotherUser() {
		Invoice invoice = sent();
		assertThat(this.diagrams.mermaid(invoice)).contains("SENT --> CANCELLED : Cancel ✓")
			.contains("SENT --> PAID : Pay\n")
			.contains("state \"Sent\" as SENT")
			.contains("class SENT current");
		assertThat(this.diagrams.dot(invoice)).contains(
				"\"SENT\" -> \"CANCELLED\" [label=\"Cancel\", color=\"#2563eb\", fontcolor=\"#2563eb\", penwidth=2.5]");
	}

	@Test
	@WithMockUser(roles = "ACCOUNTANT")
	void readsTheStateThroughTheTransitionsViewAndThroughAPersistenceProxy() throws Exception {
		Invoice invoice = sent();
		assertThat(new SvgDocument(this.diagrams.svg(this.transitions.on(invoice))).states.get("SENT").is("current"))
			.isTrue();
		String svg = this.transaction
			.execute((status) -> this.diagrams.svg(this.invoices.getReferenceById(invoice.getId())));
		assertThat(new SvgDocument(svg).states.get("SENT").is("current")).isTrue();
	}

	@Test
	void drawsTheWholeWorkflowWithNothingHighlighted() throws Exception {
		Workflow workflow = this.transitions.workflow(Invoice.class);
		SvgDocument svg = new SvgDocument(this.diagrams.svg(workflow));
		assertThat(svg.states).containsOnlyKeys("DRAFT", "SENT", "OVERDUE", "PAID", "CANCELLED");
		assertThat(svg.states.values()).noneMatch((state) -> state.is("current"));
		assertThat(svg.edges).noneMatch(SvgDocument.Edge::isEmphasised);
		assertThat(this.diagrams.svg((Object) workflow)).isEqualTo(this.diagrams.svg(workflow));
		assertThat(this.diagrams.render(workflow, DiagramFormat.MERMAID, Highlight.none()))
			.isEqualTo(this.diagrams.mermaid(workflow));
	}

	private Invoice sent() {
		Invoice invoice = this.invoices.save(new Invoice());
		this.transitions.on(invoice).send();
		return invoice;
	}

}
