package dev.fsm.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManagerFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
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
import dev.fsm.engine.EntityStore;
import dev.fsm.metamodel.ReadFilter;

/**
 * The HTTP API of workflows under {@code fsm.web.base-path}: the workflows, an entity with what
 * the current user may fire and why not, firing with arguments from the JSON body and
 * {@code If-Match}, the history, the entities in a state, and diagrams. Every read shows only
 * what the user may read ({@link WorkflowReadAccess}): an entity he may not read answers as one
 * that does not exist, and lists are filtered in their query. Refusals are RFC 9457 problems
 * ({@link WorkflowApiExceptionHandler}); nothing changes when one is answered.
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
	}

	/** The workflows the caller may see and list, with their states and transitions. */
	@GetMapping
	public List<Map<String, Object>> workflows() {
		requireUser();
		boolean readsAll = this.readAccess.readsAll();
		return this.catalog.workflows()
			.stream()
			.filter((workflow) -> this.readAccess.mayList(workflow, readsAll))
			.map(this.views::workflow)
			.toList();
	}

	/**
	 * The entities of a workflow, in one state, in the states of one group or all, a page at a
	 * time, each with when it entered its state ({@code since}, from the audit trail).
	 */
	@GetMapping("/{workflow}")
	public Map<String, Object> entities(@PathVariable String workflow, @RequestParam(required = false) String state,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
			@RequestParam(required = false) @Nullable String group) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		ReadFilter filter = this.readAccess.listFilter(model);
		Paging paging = Paging.of(page, size, this.settings.maxPageSize());
		if (state != null && group != null) {
			throw new WorkflowApiException(ProblemType.BAD_REQUEST, "List the entities in a state or in a group, not both",
					Map.of("state", state, "group", group));
		}
		return this.views.entities(model, read(() -> this.listing.list(model, filter, state, group, paging.page(),
				paging.size(), this.history.getIfAvailable())));
	}

	/** How many entities are in each state of the workflow, unknown stored values last. */
	@GetMapping("/{workflow}/states")
	public List<Map<String, Object>> states(@PathVariable String workflow) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		ReadFilter filter = this.readAccess.listFilter(model);
		return this.views.counts(model, read(() -> this.listing.counts(model, filter)));
	}

	/** How many entities are in each state group of the workflow, with the group's states. */
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
	 * The entity: its state and version ({@code ETag}) and, for each transition, whether the
	 * current user may fire it now and if not why, and the JSON Schema of its arguments.
	 */
	@GetMapping("/{workflow}/{id}")
	public ResponseEntity<Map<String, Object>> entity(@PathVariable String workflow, @PathVariable String id) {
		requireUser();
		Workflow model = this.catalog.workflow(workflow);
		Map<String, Object> view = read(() -> view(model, load(model, id)));
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
	 * Fires a transition: the JSON body ({@code application/json} only) holds the arguments by
	 * name; {@code If-Match} the version the client saw. The answer holds the new state, the new
	 * version ({@code ETag}) and what the transition returned. The workflow, the transition, the
	 * entity and the user's permission are resolved before the body is read, and the body is read
	 * only up to {@code fsm.web.max-request-size}.
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
		if (hasBody || !this.readAccess.readsAll()) {
			// one read before anything else: an entity the user may not read is a 404 whatever
			// the request holds, and with a body, a denied user's is never read
			Principal user = request.getUserPrincipal();
			read(() -> {
				Object entity = load(model, id);
				if (hasBody) {
					this.earlyRefusal.check(model, entity, transition, user);
				}
				return Boolean.TRUE;
			});
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
	 * The entity, if the user may read it; one he may not read answers exactly as one that does
	 * not exist (404), so that ids cannot be probed.
	 */
	private Object load(Workflow workflow, String id) {
		Object entity = this.store.find(workflow.entityType(), entityId(workflow, id));
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
		return new WorkflowApiException(ProblemType.UNKNOWN_ENTITY, workflow.entityName() + "#" + id + " does not exist",
				Map.of("id", id));
	}

	private void requireUser() {
		if (!this.readAccess.isAuthenticated()) {
			throw new WorkflowApiException(ProblemType.UNAUTHENTICATED, "The workflow API needs an authenticated user");
		}
	}

	private ResponseEntity<String> diagram(@Nullable String accept, DiagramWriter writer) {
		DiagramMediaTypes type = DiagramMediaTypes.accepted(accept);
		return ResponseEntity.ok().contentType(type.mediaType()).body(writer.write(this.diagrams.getObject(), type.format()));
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
