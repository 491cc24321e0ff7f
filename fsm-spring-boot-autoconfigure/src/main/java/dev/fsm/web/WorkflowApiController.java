package dev.fsm.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.fsm.DiagramFormat;
import dev.fsm.EntityRef;
import dev.fsm.TransitionHistory;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionResult;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.UnknownEntityException;
import dev.fsm.Workflow;
import dev.fsm.WorkflowDiagrams;
import dev.fsm.WorkflowMessages;
import dev.fsm.metamodel.ReadFilter;
import dev.fsm.spi.EntityFinder;
import dev.fsm.spi.EntityStore;

/**
 * The HTTP API of workflows under {@code fsm.web.base-path}: the workflows, an entity
 * with what the current user may fire and why not, firing with arguments from the JSON
 * body and {@code If-Match}, the history, the entities in a state, and diagrams. Every
 * read shows only what the user may read ({@link WorkflowReadAccess}): an entity he may
 * not read answers as one that does not exist, and lists are filtered in their query.
 * Refusals are RFC 9457 problems ({@link WorkflowApiExceptionHandler}); nothing changes
 * when one is answered.
 * <p>
 * Public because the auto-configuration creates it.
 */
@RestController
@RequestMapping("${fsm.web.base-path:/api/workflows}")
public class WorkflowApiController {

	private final Transitions transitions;

	private final EntityStore store;

	private final TransactionTemplate reads;

	private final ObjectProvider<WorkflowDiagrams> diagrams;

	private final ObjectProvider<TransitionHistory> history;

	private final WorkflowCatalog catalog;

	private final EntityListing listing;

	private final ArgumentBinder arguments;

	private final WorkflowViews views;

	private final WorkflowApiSettings settings;

	private final WorkflowReadAccess readAccess;

	private final EarlyRefusal earlyRefusal;

	private final SearchableFields searchable;

	private final EntityFields fields;

	private RowProblems rowProblems;

	/**
	 * @param jsonMapper the application's Jackson 3 {@code JsonMapper} for arguments, or
	 * {@code null} for Jackson's defaults
	 * @param readAccess who is authenticated and who may read what
	 * @throws dev.fsm.WorkflowDefinitionException when a read filter is no valid JPQL
	 */
	public WorkflowApiController(Transitions transitions, EntityStore store,
			PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
			ObjectProvider<WorkflowDiagrams> diagrams, ObjectProvider<TransitionHistory> history,
			@Nullable Object jsonMapper, WorkflowApiSettings settings, WorkflowReadAccess readAccess) {
		this(transitions, store, transactionManager, entityManagerFactory, diagrams, history, jsonMapper, settings,
				readAccess, WorkflowMessages.ANNOTATIONS);
	}

	/**
	 * @param jsonMapper the application's Jackson 3 {@code JsonMapper} for arguments, or
	 * {@code null} for Jackson's defaults
	 * @param readAccess who is authenticated and who may read what
	 * @param messages the labels, descriptions and refusals shown beside the stable names
	 * @throws dev.fsm.WorkflowDefinitionException when a read filter is no valid JPQL
	 */
	public WorkflowApiController(Transitions transitions, EntityStore store,
			PlatformTransactionManager transactionManager, EntityManagerFactory entityManagerFactory,
			ObjectProvider<WorkflowDiagrams> diagrams, ObjectProvider<TransitionHistory> history,
			@Nullable Object jsonMapper, WorkflowApiSettings settings, WorkflowReadAccess readAccess,
			WorkflowMessages messages) {
		this.transitions = transitions;
		this.store = store;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.diagrams = diagrams;
		this.history = history;
		this.catalog = new WorkflowCatalog(transitions, settings.exposure());
		this.listing = new EntityListing(entityManagerFactory, store, transitions);
		this.listing.checkFilters(readAccess.filters(), entityManagerFactory);
		this.arguments = new ArgumentBinder(jsonMapper, settings.maxRequestSize());
		this.views = new WorkflowViews(this.catalog, new RefusalMessages(settings.includeDetails()), messages);
		this.settings = settings;
		this.readAccess = readAccess;
		this.earlyRefusal = new EarlyRefusal(transitions, store, messages);
		this.searchable = SearchableFields.of(transitions.workflows(), entityManagerFactory);
		this.fields = EntityFields.of(transitions.workflows(), entityManagerFactory, settings.hiddenFields());
		this.rowProblems = new RowProblems(new WorkflowApiExceptionHandler(settings.includeDetails()));
	}

	/**
	 * The rows of a bulk transition tell their refusals as the application's exception
	 * handler tells those of one transition.
	 */
	@Autowired
	void useExceptionHandler(ObjectProvider<WorkflowApiExceptionHandler> handler) {
		handler.ifUnique((unique) -> this.rowProblems = new RowProblems(unique));
	}

	/** The workflows the caller may see and list, with their states and transitions. */
	@GetMapping
	public List<Map<String, Object>> workflows() {
		requireUser();
		boolean readsAll = this.readAccess.readsAll();
		return this.catalog.workflows()
			.stream()
			.filter((workflow) -> this.readAccess.mayList(workflow, readsAll))
			.map(this::workflowView)
			.toList();
	}

	/**
	 * A workflow, with the attributes its entities may be filtered by and when they count
	 * as stuck.
	 */
	private Map<String, Object> workflowView(Workflow workflow) {
		Map<String, Object> view = this.views.workflow(workflow);
		view.put("searchable", this.searchable.names(workflow));
		Map<String, String> stuckAfter = new LinkedHashMap<>();
		workflow.states().forEach((state) -> stuckAfter.put(state, workflow.stuckAfter(state).toString()));
		view.put("stuckAfter", stuckAfter);
		return view;
	}

	/**
	 * The entities of a workflow, in one state, in the states of one group or all, a page
	 * at a time, each with when it entered its state ({@code since}, from its
	 * {@code @StateChangedAt} attribute where declared, else from the audit trail) and
	 * whether it has been there too long ({@code stuck}); filtered by the workflow's
	 * searchable attributes with {@code filter.<attribute>=value}, in the query. With
	 * {@code after} (empty for the first page, then the {@code next} of the previous
	 * page, also given as a {@code Link} header with {@code rel="next"}): keyset paging,
	 * oldest in their state first, no total unless {@code total=true}; without it, pages
	 * by number, ordered by id, with the total.
	 */
	@GetMapping("/{workflow}")
	public ResponseEntity<Map<String, Object>> entities(@PathVariable String workflow,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) @Nullable String group,
			@RequestParam(required = false) @Nullable String after, @RequestParam(defaultValue = "false") boolean total,
			HttpServletRequest request) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		ReadFilter filter = this.readAccess.listFilter(model);
		Paging paging = Paging.of((after != null) ? 0 : page, size, this.settings.maxPageSize());
		if (state != null && group != null) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"List the entities in a state or in a group, not both", Map.of("state", state, "group", group));
		}
		if (after != null && request.getParameter("page") != null) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"Page by after (the next of the previous page) or by page number, not both",
					Map.of("after", after, "page", page));
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 1 && name.startsWith(SearchableFields.PREFIX)) {
				throw new WorkflowApiException(ProblemType.BAD_REQUEST, "Filter " + name + " is given twice",
						Map.of("parameter", name));
			}
			parameters.put(name, (values.length > 0) ? values[0] : "");
		});
		List<SearchableFields.Condition> conditions = this.searchable.conditions(model, parameters);
		if (after == null) {
			return ResponseEntity.ok(this.views.entities(model, read(() -> this.listing.list(model, filter, state,
					group, conditions, paging.page(), paging.size(), this.history.getIfAvailable()))));
		}
		Map<String, Object> result = this.views.entities(model, read(() -> this.listing.listAfter(model, filter, state,
				group, conditions, after, paging.size(), total, this.history.getIfAvailable())));
		Object next = result.get("next");
		if (next == null) {
			return ResponseEntity.ok(result);
		}
		String link = ServletUriComponentsBuilder.fromRequest(request)
			.replaceQueryParam("after", next)
			.build()
			.encode()
			.toUriString();
		return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"").body(result);
	}

	/**
	 * How many entities are in each state of the workflow: each counted up to 10,000
	 * ({@code exact: false} beyond), in a query that stops there; with {@code exact=true}
	 * every one, and the stored values that are no state last.
	 */
	@GetMapping("/{workflow}/states")
	public List<Map<String, Object>> states(@PathVariable String workflow,
			@RequestParam(defaultValue = "false") boolean exact) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		ReadFilter filter = this.readAccess.listFilter(model);
		return this.views.counts(model, read(() -> this.listing.counts(model, filter, exact)));
	}

	/**
	 * How many entities are in each state group of the workflow, with the group's states.
	 */
	@GetMapping("/{workflow}/groups")
	public List<Map<String, Object>> groups(@PathVariable String workflow) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		ReadFilter filter = this.readAccess.listFilter(model);
		return read(() -> GroupViews.counts(model, this.listing.counts(model, filter)));
	}

	/** The workflow's diagram: SVG, Mermaid or DOT, as the {@code Accept} header asks. */
	@GetMapping("/{workflow}/diagram")
	public ResponseEntity<String> diagram(@PathVariable String workflow,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		this.readAccess.requireListable(model);
		return diagram(accept, (diagrams, format) -> diagrams.render(model, format, dev.fsm.Highlight.none()));
	}

	/**
	 * The entity: its state and version ({@code ETag}) and, for each transition, whether
	 * the current user may fire it now and if not why, and the JSON Schema of its
	 * arguments; with {@code fields=true} its {@code fields} too, as the console shows
	 * them.
	 */
	@GetMapping("/{workflow}/{id}")
	public ResponseEntity<Map<String, Object>> entity(@PathVariable String workflow, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean fields) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		Map<String, Object> view = read(() -> {
			Object entity = load(model, id);
			Map<String, Object> shown = view(model, entity);
			if (fields) {
				shown.put("fields", this.fields.of(model, entity));
			}
			return shown;
		});
		return withVersion(ResponseEntity.ok(), view.get("version")).body(view);
	}

	/** The entity's diagram, its state and the user's allowed transitions highlighted. */
	@GetMapping("/{workflow}/{id}/diagram")
	public ResponseEntity<String> entityDiagram(@PathVariable String workflow, @PathVariable String id,
			@RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		return diagram(accept, (diagrams, format) -> read(() -> {
			Object entity = load(model, id);
			return diagrams.render(model, format, diagrams.highlight(entity, model));
		}));
	}

	/** The entity's audit trail, newest first, a page at a time. */
	@GetMapping("/{workflow}/{id}/history")
	public Map<String, Object> history(@PathVariable String workflow, @PathVariable String id,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		TransitionHistory history = this.history.getIfAvailable();
		if (history == null) {
			throw new WorkflowApiException(ProblemType.NO_HISTORY,
					"The audit trail is off, so there is no history of " + model.entityName());
		}
		Paging paging = Paging.of(page, size, this.settings.maxPageSize());
		return read(() -> {
			Page<TransitionRecord> records = history.of(load(model, id), PageRequest.of(paging.page(), paging.size()));
			List<Object> content = new ArrayList<>(records.getContent());
			return WorkflowViews.page(content, records.getNumber(), records.getSize(), records.getTotalElements());
		});
	}

	/**
	 * Fires a transition: the JSON body ({@code application/json} only) holds the
	 * arguments by name; {@code If-Match} the version the client saw. The answer holds
	 * the new state, the new version ({@code ETag}) and what the transition returned. The
	 * workflow, the transition, the entity and the user's permission are resolved before
	 * the body is read, and the body is read only up to {@code fsm.web.max-request-size}.
	 */
	@PostMapping("/{workflow}/{id}/transitions/{transition}")
	public ResponseEntity<Map<String, Object>> fire(@PathVariable String workflow, @PathVariable String id,
			@PathVariable String transition,
			@RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
			HttpServletRequest request) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		TransitionRoute route = this.catalog.transition(model, transition);
		Object entityId = entityId(model, id);
		JsonBody.requireJson(request);
		JsonBody.requireWithin(request, this.settings.maxRequestSize());
		boolean hasBody = JsonBody.isPresent(request);
		boolean earlyRefusal = hasBody && EarlyRefusal.mayRefuse(model, transition);
		if (earlyRefusal || !this.readAccess.readsAll()) {
			// one read before anything else: an entity the user may not read is a 404
			// whatever the request holds, and with a body, a denied user's is never
			// read; a user who reads all firing a transition without a permission is
			// refused by nothing this read could find, so the transaction of the
			// transition is the one read
			requireReadable(model, id, transition, earlyRefusal, request.getUserPrincipal());
		}
		Object version = IfMatch.version(ifMatch, model, id, this.store.isVersioned(model.entityType()),
				this.settings.requireIfMatch());
		byte[] body = hasBody ? JsonBody.read(request, this.settings.maxRequestSize()) : new byte[0];
		@Nullable Object[] given = this.arguments.bind(route, body);
		TransitionResult<?> result;
		try {
			result = this.transitions.fire(EntityRef.of(model.entityType(), entityId).ifVersion(version), transition,
					given);
		}
		catch (UnknownEntityException ex) {
			throw unknownEntity(model, id);
		}
		catch (TransitionNotAllowedException ex) {
			throw notAllowed(model, id, ex);
		}
		return withVersion(ResponseEntity.ok(), result.version())
			.body(WorkflowViews.fired(model, id, transition, result));
	}

	/**
	 * Fires a transition on several entities, each in its own transaction with the user's
	 * permissions, and answers what happened to each ({@code FIRED}, {@code REFUSED} or
	 * {@code FAILED}, with the problem a single transition would have been answered
	 * with), in the order given. The entities are {@code id} parameters, at most
	 * {@code fsm.web.max-bulk-size}, each with its {@code version} when the client sends
	 * versions; the JSON body holds the arguments, the same for all. Every id and the
	 * body are checked before anything is fired; an entity the user may not read is
	 * refused as one that does not exist.
	 */
	@PostMapping("/{workflow}/transitions/{transition}")
	public Map<String, Object> fireAll(@PathVariable String workflow, @PathVariable String transition,
			@RequestParam(name = "id", required = false) @Nullable List<String> ids,
			@RequestParam(name = "version", required = false) @Nullable List<String> versions,
			HttpServletRequest request) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		TransitionRoute route = this.catalog.transition(model, transition);
		List<String> rows = (ids != null) ? ids : List.of();
		if (rows.isEmpty()) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST,
					"Name the entities to fire '" + transition + "' on as id parameters: ?id=1&id=2");
		}
		if (rows.size() > this.settings.maxBulkSize()) {
			throw new WorkflowApiException(
					ProblemType.PAYLOAD_TOO_LARGE, "One request fires a transition on at most "
							+ this.settings.maxBulkSize() + " entities, not " + rows.size(),
					Map.of("max", this.settings.maxBulkSize()));
		}
		if (versions != null && versions.size() != rows.size()) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST, "Give a version for every id or for none: "
					+ rows.size() + " ids, " + versions.size() + " versions");
		}
		Set<String> seen = new HashSet<>();
		for (String id : rows) {
			entityId(model, id);
			if (!seen.add(id)) {
				throw new WorkflowApiException(ProblemType.BAD_REQUEST,
						model.entityName() + "#" + id + " is named twice", Map.of("id", id));
			}
		}
		JsonBody.requireJson(request);
		JsonBody.requireWithin(request, this.settings.maxRequestSize());
		boolean hasBody = JsonBody.isPresent(request);
		byte[] body = hasBody ? JsonBody.read(request, this.settings.maxRequestSize()) : new byte[0];
		@Nullable Object[] given = this.arguments.bind(route, body);
		Principal user = request.getUserPrincipal();
		List<Map<String, @Nullable Object>> results = new ArrayList<>();
		Map<String, Integer> outcomes = new LinkedHashMap<>(Map.of("FIRED", 0, "REFUSED", 0, "FAILED", 0));
		for (int i = 0; i < rows.size(); i++) {
			String id = rows.get(i);
			Map<String, @Nullable Object> row = fireOne(model, transition, id,
					(versions != null) ? "\"" + versions.get(i) + "\"" : null, hasBody, given, user);
			outcomes.merge(String.valueOf(row.get("outcome")), 1, Integer::sum);
			results.add(row);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("workflow", model.name());
		answer.put("transition", transition);
		answer.put("fired", outcomes.get("FIRED"));
		answer.put("refused", outcomes.get("REFUSED"));
		answer.put("failed", outcomes.get("FAILED"));
		answer.put("results", results);
		return answer;
	}

	/** One row of a bulk transition: its own read, its own transaction. */
	private Map<String, @Nullable Object> fireOne(Workflow model, String transition, String id,
			@Nullable String ifMatch, boolean hasBody, @Nullable Object[] given, @Nullable Principal user) {
		try {
			requireReadable(model, id, transition, hasBody, user);
			Object version = IfMatch.version(ifMatch, model, id, this.store.isVersioned(model.entityType()),
					this.settings.requireIfMatch());
			TransitionResult<?> result;
			try {
				result = this.transitions.fire(EntityRef.of(model.entityType(), entityId(model, id)).ifVersion(version),
						transition, given);
			}
			catch (UnknownEntityException ex) {
				throw unknownEntity(model, id);
			}
			catch (TransitionNotAllowedException ex) {
				throw notAllowed(model, id, ex);
			}
			Map<String, @Nullable Object> row = new LinkedHashMap<>();
			row.put("id", id);
			row.put("outcome", "FIRED");
			row.put("state", result.state());
			row.put("version", result.version());
			row.put("result", result.value());
			return row;
		}
		catch (RuntimeException ex) {
			return this.rowProblems.of(id, ex);
		}
	}

	/**
	 * Refuses, in a read of its own, an entity the user may not read (404, as one that
	 * does not exist) and, when {@code checkPermission} (arguments come with the request
	 * and a permission could refuse them), a transition the user is denied (before the
	 * arguments are read).
	 */
	private void requireReadable(Workflow model, String id, String transition, boolean checkPermission,
			@Nullable Principal user) {
		read(() -> {
			Object entity = load(model, id);
			if (checkPermission) {
				this.earlyRefusal.check(model, entity, transition, user);
			}
			return Boolean.TRUE;
		});
	}

	private Map<String, Object> view(Workflow workflow, Object entity) {
		return this.views.entity(workflow, entity, this.listing.summary(workflow, entity),
				this.transitions.options(entity));
	}

	/** 409, with the transitions the user may fire now, read again after the refusal. */
	private WorkflowApiException notAllowed(Workflow workflow, String id, TransitionNotAllowedException ex) {
		List<String> allowed = read(() -> this.transitions.allowed(load(workflow, id))
			.stream()
			.filter((route) -> route.workflow().equals(workflow.name()) && this.catalog.isExposed(route))
			.map(TransitionRoute::name)
			.distinct()
			.toList());
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("state", ex.getCurrentState());
		properties.put("allowed", allowed);
		return new WorkflowApiException(ProblemType.NOT_ALLOWED, String.valueOf(ex.getMessage()), properties);
	}

	/**
	 * The entity, if the user may read it; one he may not read answers exactly as one
	 * that does not exist (404), so that ids cannot be probed.
	 */
	private Object load(Workflow workflow, String id) {
		Object entity = EntityFinder.of(this.store).find(workflow.entityType(), entityId(workflow, id));
		if (entity == null || !this.readAccess.mayRead(workflow, entity)) {
			throw unknownEntity(workflow, id);
		}
		return entity;
	}

	/** The id from its text, written as the API writes ids: 400 otherwise. */
	private Object entityId(Workflow workflow, String id) {
		return EntityIds.parse(this.store, workflow, id);
	}

	private static WorkflowApiException unknownEntity(Workflow workflow, String id) {
		return new WorkflowApiException(ProblemType.UNKNOWN_ENTITY,
				workflow.entityName() + "#" + id + " does not exist", Map.of("id", id));
	}

	private void requireUser() {
		if (!this.readAccess.isAuthenticated()) {
			throw new WorkflowApiException(ProblemType.UNAUTHENTICATED, "The workflow API needs an authenticated user");
		}
	}

	private ResponseEntity<String> diagram(@Nullable String accept, DiagramWriter writer) {
		DiagramMediaTypes type = DiagramMediaTypes.accepted(accept);
		return ResponseEntity.ok()
			.contentType(type.mediaType())
			.body(writer.write(this.diagrams.getObject(), type.format()));
	}

	private <T> T read(Supplier<T> work) {
		T result = this.reads.execute((status) -> work.get());
		if (result == null) {
			throw new IllegalStateException("A read of the workflow API returned nothing");
		}
		return result;
	}

	private static ResponseEntity.BodyBuilder withVersion(ResponseEntity.BodyBuilder response,
			@Nullable Object version) {
		return (version != null) ? response.eTag("\"" + version + "\"") : response;
	}

	@FunctionalInterface
	private interface DiagramWriter {

		String write(WorkflowDiagrams diagrams, DiagramFormat format);

	}

}
