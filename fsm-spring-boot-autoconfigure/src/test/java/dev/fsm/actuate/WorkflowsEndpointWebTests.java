package dev.fsm.actuate;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code workflows} endpoint through Actuator's real web mapping.
 */
@SpringBootTest(properties = "management.endpoints.web.exposure.include=workflows")
@AutoConfigureMockMvc
@WithMockUser
class WorkflowsEndpointWebTests {

	private static final String ACTUATOR_JSON = "application/vnd.spring-boot.actuator.v3+json";

	@Autowired
	MockMvcTester mvc;

	@Test
	void listsEveryWorkflowWithItsStatesAndTransitions() {
		MvcTestResult result = this.mvc.get().uri("/actuator/workflows").exchange();
		assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(ACTUATOR_JSON);
		assertThat(result).bodyJson().extractingPath("$.workflows[*].name").asArray().containsExactly("Parcel.status");
		assertThat(result).bodyJson().extractingPath("$.workflows[0]").convertTo(Map.class).satisfies((workflow) -> {
			assertThat(workflow).containsEntry("entity", Parcel.class.getName())
				.containsEntry("field", "status")
				.containsEntry("stateType", String.class.getName())
				.containsEntry("states", List.of("LABELLED", "IN_TRANSIT", "DELIVERED", "RETURNED"))
				.containsEntry("initialState", "LABELLED")
				.containsEntry("finalStates", List.of("DELIVERED"));
		});
		assertThat(result).bodyJson()
			.extractingPath("$.workflows[0].transitions[0]")
			.convertTo(Map.class)
			.satisfies((ship) -> assertThat(ship).containsEntry("name", "ship")
				.containsEntry("label", "Hand over to carrier")
				.containsEntry("description", "The carrier scanned the parcel")
				.containsEntry("sources", List.of("LABELLED"))
				.containsEntry("targets", List.of("IN_TRANSIT"))
				.containsEntry("conditions", List.of("#entity.address != null"))
				.containsEntry("properties", Map.of("button", "primary", "icon", "truck")));
		assertThat(result).bodyJson()
			.extractingPath("$.workflows[0].transitions[1]")
			.convertTo(Map.class)
			.satisfies((deliver) -> assertThat(deliver).containsEntry("name", "deliver")
				.containsEntry("targets", List.of("DELIVERED", "RETURNED"))
				.containsEntry("onError", "RETURNED")
				.containsEntry("permission", "hasRole('COURIER')"));
	}

	@Test
	void isLinkedFromTheActuatorIndex() {
		assertThat(this.mvc.get().uri("/actuator").exchange()).bodyJson()
			.extractingPath("$._links.workflows-name.href")
			.asString()
			.endsWith("/actuator/workflows/{name}");
	}

	@Test
	void returnsOneWorkflowAsJsonByNameOrByEntity() {
		for (String name : List.of("Parcel.status", "Parcel")) {
			MvcTestResult result = this.mvc.get().uri("/actuator/workflows/{name}", name).exchange();
			assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(ACTUATOR_JSON);
			assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("Parcel.status");
		}
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status").accept(MediaType.APPLICATION_JSON))
			.hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.extractingPath("$.transitions[2].name")
			.isEqualTo("resend");
	}

	@Test
	void negotiatesTheDiagramFormatsByAcceptHeader() throws Exception {
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status").accept("text/vnd.mermaid")).hasStatusOk()
			.hasContentType("text/vnd.mermaid;charset=UTF-8")
			.bodyText()
			.startsWith("%% Workflow Parcel.status\nstateDiagram-v2\n")
			.contains("LABELLED --> IN_TRANSIT : Hand over to carrier");
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status").accept("text/vnd.graphviz")).hasStatusOk()
			.hasContentType("text/vnd.graphviz;charset=UTF-8")
			.bodyText()
			.startsWith("digraph \"Parcel.status\" {");
		MvcTestResult svg = this.mvc.get().uri("/actuator/workflows/Parcel.status").accept("image/svg+xml").exchange();
		assertThat(svg).hasStatusOk().hasContentType("image/svg+xml;charset=UTF-8");
		assertThat(stateNames(svg.getResponse().getContentAsString())).containsExactly("LABELLED", "IN_TRANSIT",
				"DELIVERED", "RETURNED");
	}

	@Test
	void choosesTheFormatByParameterOverTheAcceptHeader() {
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status?format=svg").accept(MediaType.ALL))
			.hasStatusOk()
			.hasContentType("image/svg+xml;charset=UTF-8")
			.bodyText()
			.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"");
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status?format=DOT").accept("text/vnd.mermaid"))
			.hasStatusOk()
			.hasContentType("text/vnd.graphviz;charset=UTF-8");
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status?format=json")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
	}

	@Test
	void answersNotFoundForAnUnknownWorkflowAndBadRequestForAnUnknownFormat() {
		assertThat(this.mvc.get().uri("/actuator/workflows/Nothing.here")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status?format=png")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.isEqualTo("Unknown format 'png'; use json, mermaid, dot or svg");
	}

	private static List<String> stateNames(String svg) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		Document document = factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		NodeList groups = document.getElementsByTagName("g");
		List<String> states = new ArrayList<>();
		for (int i = 0; i < groups.getLength(); i++) {
			Element group = (Element) groups.item(i);
			if (group.hasAttribute("data-state")) {
				states.add(group.getAttribute("data-state"));
			}
		}
		return states;
	}

	@Test
	void refusesAnAcceptHeaderItCannotSatisfy() {
		assertThat(this.mvc.get().uri("/actuator/workflows/Parcel.status").accept(MediaType.IMAGE_PNG))
			.hasStatus(HttpStatus.NOT_ACCEPTABLE);
	}

}
