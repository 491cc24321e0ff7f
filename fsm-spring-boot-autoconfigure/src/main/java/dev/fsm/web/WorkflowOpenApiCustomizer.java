package dev.fsm.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

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
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.StringUtils;

import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;

/**
 * Adds one operation per workflow transition to the application's OpenAPI document
 * (springdoc): {@code POST {base}/{workflow}/{id}/transitions/{name}} with the JSON
 * Schema of its arguments, its {@code If-Match} header and every problem it may answer,
 * so that a generated client has a typed method per transition. Only what the API exposes
 * is documented. Every operation of the API, the controller's own too, gets a summary,
 * its problem answers and the security requirements of the application: the security
 * schemes it declares in its document, or else those its Spring Security filter chains
 * use (HTTP Basic, bearer tokens), so that a generated client sends credentials.
 * <p>
 * Public because the auto-configuration creates it.
 */
public class WorkflowOpenApiCustomizer implements OpenApiCustomizer {

	/** The schema of every problem answer, under {@code components/schemas}. */
	static final String PROBLEM_SCHEMA = "FsmProblem";

	private final WorkflowCatalog catalog;

	private final String basePath;

	private final WorkflowApiSettings settings;

	private final Supplier<Map<String, SecurityScheme>> securitySchemes;

	/**
	 * Declares no security scheme of its own: only those of the application's document.
	 */
	public WorkflowOpenApiCustomizer(Transitions transitions, String basePath, WorkflowApiSettings settings) {
		this(transitions, basePath, settings, Map::of);
	}

	/**
	 * Declares the schemes of the application's Spring Security filter chains (HTTP
	 * Basic, bearer tokens) when its document declares none.
	 * @param beanFactory the application's, with its {@code SecurityFilterChain} beans
	 */
	public WorkflowOpenApiCustomizer(Transitions transitions, String basePath, WorkflowApiSettings settings,
			ListableBeanFactory beanFactory) {
		this(transitions, basePath, settings, SecuritySchemes.of(beanFactory));
	}

	/**
	 * @param securitySchemes the schemes that authenticate requests to the API, by name,
	 * used when the application's document declares none
	 */
	WorkflowOpenApiCustomizer(Transitions transitions, String basePath, WorkflowApiSettings settings,
			Supplier<Map<String, SecurityScheme>> securitySchemes) {
		this.catalog = new WorkflowCatalog(transitions, settings.exposure());
		this.basePath = StringUtils.trimTrailingCharacter(basePath, '/');
		this.settings = settings;
		this.securitySchemes = securitySchemes;
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
		List<SecurityRequirement> security = security(openApi);
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			if (path.equals(this.basePath) || path.startsWith(this.basePath + "/")) {
				ApiOperations.describe(path.substring(this.basePath.length()), item, fireProblems());
				if (!security.isEmpty()) {
					item.readOperations().forEach((operation) -> operation.security(security));
				}
			}
		});
	}

	/**
	 * The requirements of the API's operations: any one of the schemes the application's
	 * document declares, or else of those its security uses (added to the document); none
	 * when the document requires its schemes of every operation already.
	 */
	private List<SecurityRequirement> security(OpenAPI openApi) {
		if (openApi.getSecurity() != null && !openApi.getSecurity().isEmpty()) {
			return List.of();
		}
		Map<String, SecurityScheme> declared = openApi.getComponents().getSecuritySchemes();
		if (declared == null || declared.isEmpty()) {
			this.securitySchemes.get().forEach(openApi.getComponents()::addSecuritySchemes);
			declared = openApi.getComponents().getSecuritySchemes();
		}
		if (declared == null) {
			return List.of();
		}
		return declared.keySet().stream().map((name) -> new SecurityRequirement().addList(name)).toList();
	}

	/** What firing may answer: every problem but the history's. */
	private List<ProblemType> fireProblems() {
		List<ProblemType> problems = new ArrayList<>();
		for (ProblemType problem : ProblemType.values()) {
			if (problem != ProblemType.NO_HISTORY
					&& (problem != ProblemType.IF_MATCH_REQUIRED || this.settings.requireIfMatch())) {
				problems.add(problem);
			}
		}
		return problems;
	}

	/**
	 * The guards' expressions: for operators only ({@code fsm.web.include-details}),
	 * never for clients.
	 */
	private static String guards(TransitionRoute route) {
		return ((route.permission() != null) ? "; permission: " + route.permission() : "")
				+ (route.conditions().isEmpty() ? "" : "; conditions: " + String.join(", ", route.conditions()));
	}

	private Operation operation(Workflow workflow, TransitionRoute route) {
		List<String> sources = new ArrayList<>();
		workflow.transitions(route.name()).forEach((each) -> sources.addAll(each.sources()));
		String description = (StringUtils.hasText(route.description()) ? route.description() + "\n\n" : "") + "From "
				+ String.join(", ", sources) + " to " + String.join(", ", route.targets())
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
		responses.addApiResponse("200",
				new ApiResponse().description("Fired: the new state, version and result")
					.addHeaderObject("ETag", new Header().description("The new version").schema(schema("string")))
					.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
							new MediaType().schema(resultSchema(workflow)))));
		ApiOperations.addProblems(responses, fireProblems());
		return operation.responses(responses);
	}

	/**
	 * {@code claimStateAssess} for transition {@code assess} of workflow
	 * {@code Claim.state}.
	 */
	static String operationId(Workflow workflow, TransitionRoute route) {
		StringBuilder id = new StringBuilder();
		for (String word : (workflow.name() + " " + route.name()).split("[^A-Za-z0-9]+")) {
			if (!word.isEmpty()) {
				id.append((id.length() == 0) ? StringUtils.uncapitalize(word) : StringUtils.capitalize(word));
			}
		}
		return id.toString();
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
			properties
				.forEach((name, property) -> converted.put((String) name, schema((Map<String, Object>) property)));
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

	/**
	 * A schema of one type, written for OpenAPI 3.0 ({@code type}) and 3.1
	 * ({@code types}).
	 */
	static Schema<Object> schema(String type) {
		Schema<Object> schema = new Schema<>();
		schema.type(type);
		schema.addType(type);
		return schema;
	}

}
