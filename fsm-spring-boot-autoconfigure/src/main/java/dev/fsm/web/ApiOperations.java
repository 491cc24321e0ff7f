package dev.fsm.web;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * What springdoc cannot know about the API's own operations (the
 * {@link WorkflowApiController}'s endpoints): a summary and a tag for each, the problems
 * each may answer, and the JSON body of firing by name, which the controller reads
 * itself.
 */
final class ApiOperations {

	static final String TAG = "Workflows";

	private static final String PROBLEM_JSON = "application/problem+json";

	private ApiOperations() {
	}

	/**
	 * Decorates the operation of {@code path} (relative to the base path), if it is one
	 * of ours.
	 */
	static void describe(String path, PathItem item, List<ProblemType> fireProblems) {
		Operation get = item.getGet();
		Operation post = item.getPost();
		switch (path) {
			case "" -> describe(get, "List the workflows and their transitions");
			case "/{workflow}" -> {
				describe(get,
						"List the entities of a workflow, in one state, one state group or all, filtered by its"
								+ " searchable attributes (filter.{attribute}=value), a page at a time",
						ProblemType.BAD_REQUEST, ProblemType.UNKNOWN_WORKFLOW);
				if (get != null) {
					get.addParametersItem(new io.swagger.v3.oas.models.parameters.QueryParameter().name("filter")
						.style(io.swagger.v3.oas.models.parameters.Parameter.StyleEnum.DEEPOBJECT)
						.description("Filters on the workflow's searchable attributes, as filter.{attribute}=value:"
								+ " text contains the value ignoring case, other types equal it")
						.schema(WorkflowOpenApiCustomizer.schema("object")
							.additionalProperties(WorkflowOpenApiCustomizer.schema("string"))));
				}
			}
			case "/{workflow}/transitions/{transition}" -> {
				describe(post,
						"Fire a transition on several entities (id=..&id=..), each in its own transaction,"
								+ " with a result per entity",
						ProblemType.BAD_REQUEST, ProblemType.UNKNOWN_WORKFLOW, ProblemType.UNKNOWN_TRANSITION,
						ProblemType.PAYLOAD_TOO_LARGE, ProblemType.UNSUPPORTED_MEDIA_TYPE);
				if (post != null && post.getRequestBody() == null) {
					post.requestBody(new RequestBody().required(false)
						.description("The transition's arguments by name, the same for every entity")
						.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
								new MediaType()
									.schema(WorkflowOpenApiCustomizer.schema("object").additionalProperties(true)))));
				}
			}
			case "/{workflow}/states" ->
				describe(get, "Count the entities in each state of a workflow", ProblemType.UNKNOWN_WORKFLOW);
			case "/{workflow}/groups" ->
				describe(get, "Count the entities in each state group of a workflow", ProblemType.UNKNOWN_WORKFLOW);
			case "/{workflow}/diagram" -> describe(get, "Draw the diagram of a workflow", ProblemType.UNKNOWN_WORKFLOW);
			case "/{workflow}/{id}" -> describe(get, "Read an entity: its state, version and what you may fire now",
					ProblemType.BAD_REQUEST, ProblemType.UNKNOWN_WORKFLOW, ProblemType.UNKNOWN_ENTITY);
			case "/{workflow}/{id}/diagram" ->
				describe(get, "Draw the diagram of an entity, its state and your" + " transitions highlighted",
						ProblemType.BAD_REQUEST, ProblemType.UNKNOWN_WORKFLOW, ProblemType.UNKNOWN_ENTITY);
			case "/{workflow}/{id}/history" -> describe(get,
					"Read the audit trail of an entity, newest first, a page at" + " a time", ProblemType.BAD_REQUEST,
					ProblemType.UNKNOWN_WORKFLOW, ProblemType.UNKNOWN_ENTITY, ProblemType.NO_HISTORY);
			case "/{workflow}/{id}/transitions/{transition}" -> {
				describe(post, "Fire a transition by name", fireProblems.toArray(ProblemType[]::new));
				if (post != null && post.getRequestBody() == null) {
					post.requestBody(new RequestBody().required(false)
						.description("The transition's arguments by name (the entity's operation per transition"
								+ " describes them)")
						.content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
								new MediaType()
									.schema(WorkflowOpenApiCustomizer.schema("object").additionalProperties(true)))));
				}
			}
			default -> {
			}
		}
	}

	private static void describe(Operation operation, String summary, ProblemType... problems) {
		if (operation == null) {
			return;
		}
		if (operation.getSummary() == null) {
			operation.summary(summary);
		}
		operation.tags(List.of(TAG));
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		addProblems(responses, List.of(problems));
		addProblems(responses, List.of(ProblemType.UNAUTHENTICATED));
		operation.responses(responses);
	}

	/**
	 * One response per status, its description naming each problem type of that status.
	 */
	static void addProblems(ApiResponses responses, List<ProblemType> problems) {
		for (ProblemType problem : problems) {
			String code = String.valueOf(problem.status().value());
			ApiResponse response = responses
				.computeIfAbsent(code, (key) -> new ApiResponse().description(problem.status().getReasonPhrase())
					.content(new Content().addMediaType(PROBLEM_JSON,
							new MediaType().schema(new Schema<>().$ref(WorkflowOpenApiCustomizer.PROBLEM_SCHEMA)))));
			String named = problem.type() + ": " + problem.title();
			if (!response.getDescription().contains(named)) {
				response.description(response.getDescription() + "; " + named);
			}
		}
	}

}
