package dev.fsm.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitionException;
import dev.fsm.metamodel.GuardCompiler;
import dev.fsm.metamodel.GuardInput;
import dev.fsm.metamodel.ReadFilter;
import dev.fsm.metamodel.TransitionPermission;
import dev.fsm.metamodel.UserExpression;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;

/**
 * Who may read what through the HTTP API and the console, closed by default: the users of
 * {@code fsm.web.read-all} read and list everything; other users read the entities a
 * workflow's read permission grants them ({@code @StateField(readPermission)}, else
 * {@code fsm.web.default-read-permission}) and list those its read filter selects
 * ({@code @StateField(readFilter)}), in the query; with neither, nothing. Every
 * expression is compiled once, at start-up.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class WorkflowReadAccess {

	private static final Log logger = LogFactory.getLog(WorkflowReadAccess.class);

	/**
	 * What a read permission is evaluated for: a method whose one parameter is the
	 * entity.
	 */
	private static final Method READ = Objects
		.requireNonNull(ReflectionUtils.findMethod(WorkflowReadAccess.class, "read", Object.class));

	private static final String[] READ_PARAMETERS = { "entity" };

	private final boolean permitAll;

	private final BooleanSupplier authenticated;

	private final @Nullable UserExpression readAll;

	private final Map<String, Rules> rules;

	private WorkflowReadAccess(boolean permitAll, BooleanSupplier authenticated, @Nullable UserExpression readAll,
			Map<String, Rules> rules) {
		this.permitAll = permitAll;
		this.authenticated = authenticated;
		this.readAll = readAll;
		this.rules = rules;
	}

	/**
	 * @param registry the workflows
	 * @param guards compiles the expressions, as it compiles transition permissions
	 * @param readAll who reads and lists every entity of every workflow
	 * ({@code fsm.web.read-all}), {@code null} for nobody
	 * @param defaultReadPermission the read permission of workflows that declare none,
	 * {@code null} for none
	 * @param authenticated whether the current user is authenticated
	 * @throws IllegalArgumentException when {@code readAll} or
	 * {@code defaultReadPermission} cannot be used
	 * @throws WorkflowDefinitionException when a workflow lists entities nobody but the
	 * users of {@code readAll} may open
	 */
	public static WorkflowReadAccess of(WorkflowRegistry registry, GuardCompiler guards, @Nullable String readAll,
			@Nullable String defaultReadPermission, BooleanSupplier authenticated) {
		UserExpression all = StringUtils.hasText(readAll) ? compile("fsm.web.read-all", readAll, guards::user) : null;
		TransitionPermission fallback = StringUtils.hasText(defaultReadPermission)
				? compile("fsm.web.default-read-permission", defaultReadPermission, guards::permission) : null;
		Map<String, Rules> rules = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (WorkflowModel workflow : registry.workflows()) {
			TransitionPermission declared = workflow.readPermission();
			TransitionPermission permission = (declared != null) ? declared : fallback;
			ReadFilter filter = workflow.readFilter();
			if (filter != null && permission == null) {
				problems.add("Workflow '" + workflow.name() + "' has readFilter \"" + filter.declared()
						+ "\" but no readPermission, and fsm.web.default-read-permission is unset: the users it lists"
						+ " entities to could open none of them; declare @StateField(readPermission = ..) saying the"
						+ " same as the filter");
			}
			rules.put(workflow.name(), new Rules(workflow, permission, filter));
		}
		if (!problems.isEmpty()) {
			throw new WorkflowDefinitionException(problems);
		}
		if (all == null && rules.values().stream().allMatch((r) -> r.permission() == null)) {
			logger.warn("The workflow HTTP API is on, but nobody may read the entities of any workflow through it:"
					+ " set fsm.web.read-all (such as hasRole('ADMIN')) for those who see everything, and declare"
					+ " @StateField(readPermission, readFilter) for the others");
		}
		return new WorkflowReadAccess(false, authenticated, all, Collections.unmodifiableMap(rules));
	}

	/**
	 * No user needed and everything readable ({@code fsm.web.access=permit-all}): for an
	 * API the application protects otherwise.
	 */
	public static WorkflowReadAccess permitAll() {
		return new WorkflowReadAccess(true, () -> true, null, Map.of());
	}

	private static <T> T compile(String property, String expression, java.util.function.Function<String, T> compiler) {
		try {
			return compiler.apply(expression);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			throw new IllegalArgumentException(property + " '" + expression + "' cannot be used: " + ex.getMessage(),
					ex);
		}
	}

	/** Whether the current user is authenticated; always, in permit-all mode. */
	boolean isAuthenticated() {
		return this.permitAll || this.authenticated.getAsBoolean();
	}

	/**
	 * Whether the current user reads and lists every entity, unfiltered and unchecked.
	 */
	boolean readsAll() {
		UserExpression readAll = this.readAll;
		return this.permitAll || (readAll != null && readAll.isGranted());
	}

	/**
	 * Whether the current user may list the entities of {@code workflow}, given
	 * {@link #readsAll()}.
	 */
	boolean mayList(Workflow workflow, boolean readsAll) {
		return readsAll || filterOf(workflow) != null;
	}

	/**
	 * The filter of the current user's lists of {@code workflow}: {@code null} for one
	 * who reads all.
	 * @throws WorkflowApiException (403) when the user may not list them
	 */
	@Nullable ReadFilter listFilter(Workflow workflow) {
		if (readsAll()) {
			return null;
		}
		ReadFilter filter = filterOf(workflow);
		if (filter == null) {
			throw new WorkflowApiException(ProblemType.LIST_DENIED,
					"You may not list the entities of workflow '" + workflow.name() + "'",
					Map.of("workflow", workflow.name()));
		}
		return filter;
	}

	/**
	 * Refuses the current user who may not list the entities of {@code workflow}, as
	 * {@link #listFilter} does.
	 * @throws WorkflowApiException (403) when the user may not list them
	 */
	void requireListable(Workflow workflow) {
		listFilter(workflow);
	}

	/**
	 * Whether the current user may read {@code entity}. A read permission that throws
	 * refuses (and is logged), as a guard that throws does.
	 */
	boolean mayRead(Workflow workflow, Object entity) {
		if (readsAll()) {
			return true;
		}
		Rules rules = this.rules.get(workflow.name());
		TransitionPermission permission = (rules != null) ? rules.permission() : null;
		if (rules == null || permission == null) {
			return false;
		}
		String state = Objects.toString(rules.workflow().state().getName(entity), "");
		GuardInput input = new GuardInput(entity, READ, entity, new Object[] { entity }, READ_PARAMETERS, state, null);
		try {
			return permission.isGranted(input, null);
		}
		catch (RuntimeException ex) {
			logger.warn("The read permission \"" + permission.expression() + "\" of workflow '" + workflow.name()
					+ "' threw; the entity counts as not readable", ex);
			return false;
		}
	}

	private @Nullable ReadFilter filterOf(Workflow workflow) {
		Rules rules = this.rules.get(workflow.name());
		return (rules != null) ? rules.filter() : null;
	}

	/**
	 * The read filters of the workflows that declare one, to check them against the
	 * database at start-up.
	 */
	Map<Workflow, ReadFilter> filters() {
		Map<Workflow, ReadFilter> filters = new LinkedHashMap<>();
		this.rules.values().forEach((r) -> {
			ReadFilter filter = r.filter();
			if (filter != null) {
				filters.put(r.workflow().view(), filter);
			}
		});
		return filters;
	}

	/** What {@link #READ} stands for; never called. */
	static void read(Object entity) {
	}

	private record Rules(WorkflowModel workflow, @Nullable TransitionPermission permission,
			@Nullable ReadFilter filter) {
	}

}
