package dev.fsm.web.it;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import dev.fsm.Transitions;
import dev.fsm.web.ApiExposure;
import dev.fsm.web.WorkflowApiSettings;
import dev.fsm.web.WorkflowOpenApiCustomizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI document as a generated client needs it: every operation of the API (the
 * controller's own and one per transition) has a summary, its problem answers and the
 * security requirement of the application (here HTTP Basic, from its filter chain), so
 * that the client sends credentials. A scheme the application declares itself is used
 * instead.
 */
@SpringBootTest(classes = WebTestApplication.class, properties = "fsm.web.enabled=true")
@AutoConfigureMockMvc
class OpenApiDocumentTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Transitions transitions;

	@Autowired
	ApplicationContext context;

	@Test
	@WithMockUser(username = "ann", roles = "ADJUSTER")
	void everyOperationHasASummaryItsProblemsAndTheApplicationsSecurityScheme() throws Exception {
		this.mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.components.securitySchemes.basicAuth.type").value("http"))
			.andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
			.andExpect(jsonPath("$.components.securitySchemes.bearerAuth").doesNotExist())
			.andExpect(
					jsonPath("$.paths['/api/workflows'].get.summary").value("List the workflows and their transitions"))
			.andExpect(jsonPath("$.paths['/api/workflows'].get.tags", contains("Workflows")))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/{id}'].get.summary")
				.value("Read an entity: its state, version and what you may fire now"))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/{id}'].get.responses['404'].description")
				.value("Not Found; urn:fsm:problem:unknown-workflow: Unknown workflow;"
						+ " urn:fsm:problem:unknown-entity: Unknown entity"))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/{id}'].get.responses['400']."
					+ "content['application/problem+json'].schema['$ref']")
				.value("#/components/schemas/FsmProblem"))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/{id}/history'].get.responses['404'].description")
				.value(org.hamcrest.Matchers.containsString("urn:fsm:problem:no-history")))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/{id}/transitions/{transition}'].post.summary")
				.value("Fire a transition by name"))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/{id}/transitions/{transition}'].post.requestBody"
					+ ".content['application/json'].schema.type")
				.value("object"))
			.andExpect(jsonPath("$.paths['/api/workflows/Claim.state/{id}/transitions/assess'].post.responses['415']"
					+ ".description")
				.value("Unsupported Media Type; urn:fsm:problem:unsupported-media-type:" + " Unsupported media type"))
			.andExpect(jsonPath("$.paths['/api/workflows/Claim.state/{id}/transitions/assess'].post.responses['413']"
					+ ".description")
				.value("Content Too Large; urn:fsm:problem:too-large: Request too large"))
			.andExpect(jsonPath("$.paths['/api/workflows/Claim.state/{id}/transitions/assess'].post.responses['400']"
					+ ".description")
				.value("Bad Request; urn:fsm:problem:bad-request: Bad request;"
						+ " urn:fsm:problem:invalid-arguments: Invalid arguments"))
			.andExpect(jsonPath(
					"$.paths['/api/workflows/Claim.state/{id}/transitions/assess'].post.security[0]" + ".basicAuth")
				.isArray())
			.andExpect(jsonPath("$.paths.*.*.operationId", hasItem("claimStateAssess")))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/transitions/{transition}'].post.summary")
				.value("Fire a transition on several entities (id=..&id=..), each in its own transaction, with a result"
						+ " per entity"))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}/transitions/{transition}'].post.responses['413']"
					+ ".description")
				.value("Content Too Large; urn:fsm:problem:too-large: Request too large"))
			.andExpect(jsonPath("$.paths['/api/workflows/{workflow}'].get.parameters[?(@.name == 'filter')].style",
					contains("deepObject")));
		String json = this.mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
		JsonNode paths = JsonMapper.builder().build().readTree(json).get("paths");
		List<String> operations = new ArrayList<>();
		paths.properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (path.getKey().startsWith("/api/workflows")) {
				JsonNode operation = method.getValue();
				String name = method.getKey() + " " + path.getKey();
				operations.add(name);
				assertThat(operation.path("summary").asString()).as(name).isNotBlank();
				assertThat(operation.path("security").get(0).has("basicAuth")).as(name).isTrue();
				assertThat(operation.path("responses").has("401")).as(name).isTrue();
				assertThat(operation.path("responses").has("404")).as(name)
					.isEqualTo(!name.equals("get /api/workflows"));
			}
		}));
		// + 1: the bulk transition of issue 23; + 2: Parcel's (issue 26)
		assertThat(operations).hasSize(9 + 5 + 1 + 2 + 1 + 1 + 2)
			.contains("get /api/workflows/{workflow}/states", "post /api/workflows/{workflow}/transitions/{transition}",
					"get /api/workflows/{workflow}/groups",
					"post /api/workflows/WebInvoice.state/{id}/transitions/settle");
	}

	@Test
	void theSchemesTheApplicationDeclaresAreRequiredInsteadOfTheDerivedOnes() {
		OpenAPI document = document();
		document.getComponents()
			.addSecuritySchemes("apiKey",
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("X-Api-Key"));
		customizer().customise(document);
		assertThat(document.getComponents().getSecuritySchemes()).containsOnlyKeys("apiKey");
		assertThat(document.getPaths().get("/api/workflows").getGet().getSecurity())
			.containsExactly(new SecurityRequirement().addList("apiKey"));
		assertThat(document.getPaths().get("/other").getGet().getSecurity()).isNull();
	}

	@Test
	void aDocumentThatRequiresItsSchemesEverywhereKeepsItsOwnRequirement() {
		OpenAPI document = document();
		document.addSecurityItem(new SecurityRequirement().addList("basicAuth"));
		customizer().customise(document);
		assertThat(document.getPaths().get("/api/workflows").getGet().getSecurity()).isNull();
		assertThat(document.getPaths().get("/api/workflows").getGet().getSummary())
			.isEqualTo("List the workflows and their transitions");
	}

	private WorkflowOpenApiCustomizer customizer() {
		return new WorkflowOpenApiCustomizer(this.transitions, "/api/workflows/",
				new WorkflowApiSettings(ApiExposure.ALL, false), this.context);
	}

	/**
	 * A document as springdoc starts it: the controller's listing, and an operation of
	 * the application.
	 */
	private static OpenAPI document() {
		ApiResponses ok = new ApiResponses().addApiResponse("200", new ApiResponse().description("OK"));
		Paths paths = new Paths();
		paths.addPathItem("/api/workflows", new PathItem().get(new Operation().operationId("workflows").responses(ok)));
		paths.addPathItem("/other", new PathItem().get(new Operation().operationId("other").responses(ok)));
		return new OpenAPI().components(new Components()).paths(paths);
	}

}
