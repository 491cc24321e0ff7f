package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.http.HttpStatus;
import org.springframework.util.StringUtils;

import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * Adds one operation per workflow transition to the application's OpenAPI document (springdoc):
 * {@code POST {base}/{workflow}/{id}/transitions/{name}} with the JSON Schema of its arguments,
 * its {@code If-Match} header and every problem it may answer, so that a generated client has a
 * typed method per transition. Only what the API exposes is documented.
 * <p>
 * Public because the auto-configuration creates it.
 */
public class WorkflowOpenApiCustomizer implements OpenApiCustomizer {

	/** The schema of every problem answer, under {@code components/schemas}. */
	static final String PROBLEM_SCHEMA = "FsmProblem";

	private static final String PROBLEM_JSON = "application/problem+json";

	private final WorkflowCatalog catalog;

	private final String basePath;

	private final WorkflowApiSettings settings;

	public WorkflowOpenApiCustomizer(Transitions transitions, String basePath, WorkflowApiSettings settings) {
		this.catalog = new WorkflowCatalog(transitions, settings.exposure());
		this.basePath = StringUtils.trimTrailingCharacter(basePath, '/');
		this.settings = settings;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.components(new Components());
		}
		openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
		for (Workflow workflow : this.catalog.workflows()) {
			Set<String> documented = new LinkedHashSet<>();
			for (TransitionRoute route : workflow.transitions()) {
				if (this.catalog.isExposed(route) && documented.add(route.name())) {
					openApi.path(this.basePath + "/" + workflow.name() + "/{id}/transitions/" + route.name(),
							new PathItem().post(operation(workflow, route)));
				}
			}
		}
	}

	/** The guards' expressions: for operators only ({@code fsm.web.include-details}), never for clients. */
	private static String guards(TransitionRoute route) {
		return ((route.permission() != null) ? "; permission: " + route.permission() : "")
				+ (route.conditions().isEmpty() ? "" : "; conditions: " + String.join(", ", route.conditions()));
	}

	private Operation operation(Workflow workflow, TransitionRoute route) {
		List<String> sources = new ArrayList<>();
		workflow.transitions(route.name()).forEach((each) -> sources.addAll(each.sources()));
		String description = (StringUtils.hasText(route.description()) ? route.description() + "\n\n" : "")
				+ "From " + String.join(", ", sources) + " to " + String.join(", ", route.targets())
				+ (this.settings.includeDetails() ? guards(route) : "");
		Operation operation = new Operation().operationId(operationId(workflow, route))
			.summary(route.label())
			.description(description)
			.addTagsItem(workflow.name())
			.addParametersItem(new PathParameter().name("id")
				.description("The id of the " + workflow.entityName() + ", as the audit trail writes it")
				.schema(schema("string")))
			.addParametersItem(new HeaderParameter().name("If-Match")
				.required(this.settings.requireIfMatch())
				.description("The version (ETag) of the entity the client read; 412 when it changed since")
				.schema(schema("string")));
		Schema<?> arguments = schema(ArgumentBinder.schema(route));
		operation.requestBody(new RequestBody().required(route.needsArguments())
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(arguments))));
		ApiResponses responses = new ApiResponses();
		responses.addApiResponse("200", new ApiResponse().description("Fired: the new state, version and result")
			.addHeaderObject("ETag", new Header().description("The new version").schema(schema("string")))
			.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
					new MediaType().schema(resultSchema(workflow)))));
		for (ProblemType problem : ProblemType.values()) {
			if (problem != ProblemType.NO_HISTORY
					&& (problem != ProblemType.IF_MATCH_REQUIRED || this.settings.requireIfMatch())) {
				String code = String.valueOf(problem.status().value());
				ApiResponse response = responses.computeIfAbsent(code,
						(key) -> new ApiResponse().description(reason(problem.status()))
							.content(new Content().addMediaType(PROBLEM_JSON,
									new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA)))));
				response.description(response.getDescription() + "; " + problem.type() + ": " + problem.title());
			}
		}
		return operation.responses(responses);
	}

	/** {@code claimStateAssess} for transition {@code assess} of workflow {@code Claim.state}. */
	static String operationId(Workflow workflow, TransitionRoute route) {
		StringBuilder id = new StringBuilder();
		for (String word : (workflow.name() + " " + route.name()).split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				id.append((id.length() == 0) ? StringUtils.uncapitalize(word) : StringUtils.capitalize(word));
			}
		}
		return id.toString();
	}

	private static String reason(HttpStatus status) {
		return status.getReasonPhrase();
	}

	private static Schema<?> resultSchema(Workflow workflow) {
		Schema<Object> state = schema("string");
		state.setEnum(new ArrayList<>(workflow.states()));
		Schema<Object> result = schema("object");
		result.addProperty("workflow", schema("string"));
		result.addProperty("id", schema("string"));
		result.addProperty("transition", schema("string"));
		result.addProperty("state", state);
		result.addProperty("version", new Schema<>().description("The new @Version; absent without one"));
		result.addProperty("result", new Schema<>().description("What the transition method returned"));
		return result;
	}

	private static Schema<?> problemSchema() {
		Schema<Object> problem = schema("object");
		problem.description("An RFC 9457 problem; type is one of urn:fsm:problem:*");
		problem.addProperty("type", schema("string").format("uri"));
		problem.addProperty("title", schema("string"));
		problem.addProperty("status", schema("integer"));
		problem.addProperty("detail", schema("string"));
		problem.addProperty("instance", schema("string").format("uri"));
		return problem;
	}

	/** The swagger model of one of {@link ArgumentBinder}'s JSON Schemas. */
	@SuppressWarnings("unchecked")
	private static Schema<Object> schema(Map<String, Object> json) {
		Schema<Object> schema = schema(String.valueOf(json.get("type")));
		if (json.get("format") instanceof String format) {
			schema.format(format);
		}
		if (json.get("enum") instanceof List<?> values) {
			schema.setEnum(new ArrayList<>(values));
		}
		if (json.get("items") instanceof Map<?, ?> items) {
			schema.items(schema((Map<String, Object>) items));
		}
		if (json.get("properties") instanceof Map<?, ?> properties) {
			Map<String, Schema> converted = new LinkedHashMap<>();
			properties.forEach((name, property) -> converted.put((String) name, schema((Map<String, Object>) property)));
			schema.properties(converted);
		}
		if (json.get("required") instanceof List<?> required && !required.isEmpty()) {
			schema.required(required.stream().map(String::valueOf).toList());
		}
		if (Boolean.FALSE.equals(json.get("additionalProperties"))) {
			schema.additionalProperties(false);
		}
		return schema;
	}

	/** A schema of one type, written for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}). */
	private static Schema<Object> schema(String type) {
		Schema<Object> schema = new Schema<>();
		schema.type(type);
		schema.addType(type);
		return schema;
	}

}
