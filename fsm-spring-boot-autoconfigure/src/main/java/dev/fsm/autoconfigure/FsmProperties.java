package dev.fsm.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import dev.fsm.DiagramFormat;
import dev.fsm.operations.StoredStateCheck;
import dev.fsm.Locking;
import dev.fsm.web.ApiAccess;
import dev.fsm.web.ApiExposure;

/**
 * Configuration properties of the FSM starter.
 */
@ConfigurationProperties("fsm")
public class FsmProperties {

	private final Validation validation = new Validation();

	private final Audit audit = new Audit();

	private final Diagrams diagrams = new Diagrams();

	private final Web web = new Web();

	private final Security security = new Security();

	private final Console console = new Console();

	private final LockingDefaults locking = new LockingDefaults();

	private final Retry retry = new Retry();

	private final Timers timers = new Timers();

	private final Metrics metrics = new Metrics();

	private final Health health = new Health();

	public Metrics getMetrics() {
		return this.metrics;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * How long an entity may stay in a state before the console marks it and the metrics count
	 * it as stuck, for the states and workflows that declare no {@code stuckAfter} of their own
	 * ({@code @StateInfo}, {@code @StateField}).
	 */
	private Duration stuckAfter = Duration.ofDays(7);

	public Duration getStuckAfter() {
		return this.stuckAfter;
	}

	public void setStuckAfter(Duration stuckAfter) {
		this.stuckAfter = stuckAfter;
	}

	public LockingDefaults getLocking() {
		return this.locking;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Validation getValidation() {
		return this.validation;
	}

	public Audit getAudit() {
		return this.audit;
	}

	public Diagrams getDiagrams() {
		return this.diagrams;
	}

	public Web getWeb() {
		return this.web;
	}

	public Security getSecurity() {
		return this.security;
	}

	public Console getConsole() {
		return this.console;
	}

	public Timers getTimers() {
		return this.timers;
	}

	/**
	 * Timed transitions ({@code @Transition(after = ..)}), fired by a scheduler in every instance
	 * of the application.
	 */
	public static class Timers {

		/**
		 * Whether this instance fires timed transitions. Nothing is scheduled when no workflow
		 * declares one.
		 */
		private boolean enabled = true;

		/**
		 * How long to wait between two polls for due entities; the first poll is one interval
		 * after start-up.
		 */
		private Duration pollInterval = Duration.ofSeconds(30);

		/**
		 * How many due entities one query reads; a poll reads page after page until none is due.
		 */
		private int batchSize = 100;

		/**
		 * The actor timed transitions are fired as: in events, the audit trail and permission
		 * checks (a user of that name with no authorities).
		 */
		private String actor = "system";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public String getActor() {
			return this.actor;
		}

		public void setActor(String actor) {
			this.actor = actor;
		}

	}

	/**
	 * The workflow console, an operator's UI over the HTTP API.
	 */
	public static class Console {

		/**
		 * Whether to serve the console. It turns on the HTTP API it talks to.
		 */
		private boolean enabled;

		/**
		 * The path the console is served under.
		 */
		private String path = "/fsm";

		/**
		 * Who may open the console: a Spring Security web expression. The transitions' own
		 * permissions still decide what each user may fire.
		 */
		private String access = "isAuthenticated()";

		/**
		 * The name shown in the console's header; spring.application.name when unset.
		 */
		private @Nullable String title;

		/**
		 * Where the name in the console's header links to: a path in the application, or a URL.
		 */
		private String home = "/";

		/**
		 * The application's own page of an entity, linked from its page in the console: a path
		 * or an http(s) URL with {id} (and {workflow}) in it, such as /reports/{id}. Unset: no
		 * link, unless fsm.console.entity-urls names the workflow.
		 */
		private @Nullable String entityUrl;

		/**
		 * The application's own page of an entity per workflow name, such as
		 * fsm.console.entity-urls[CaseReport.state]=/reports/{id}; before fsm.console.entity-url.
		 */
		private Map<String, String> entityUrls = new LinkedHashMap<>();

		public @Nullable String getEntityUrl() {
			return this.entityUrl;
		}

		public void setEntityUrl(@Nullable String entityUrl) {
			this.entityUrl = entityUrl;
		}

		public Map<String, String> getEntityUrls() {
			return this.entityUrls;
		}

		public void setEntityUrls(Map<String, String> entityUrls) {
			this.entityUrls = entityUrls;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getAccess() {
			return this.access;
		}

		public void setAccess(String access) {
			this.access = access;
		}

		public @Nullable String getTitle() {
			return this.title;
		}

		public void setTitle(@Nullable String title) {
			this.title = title;
		}

		public String getHome() {
			return this.home;
		}

		public void setHome(String home) {
			this.home = home;
		}

	}

	/**
	 * The HTTP API of workflows.
	 */
	public static class Web {

		/**
		 * Whether to serve the HTTP API. Off by default: turning it on is a security decision.
		 */
		private boolean enabled;

		/**
		 * The path the API is served under.
		 */
		private String basePath = "/api/workflows";

		/**
		 * Which transitions the API lists and fires: all, or only those with the custom property
		 * api=true (and only the workflows that have one).
		 */
		private ApiExposure exposure = ApiExposure.ALL;

		/**
		 * Whether firing a transition requires an If-Match header with the entity's version
		 * (428 without one).
		 */
		private boolean requireIfMatch;

		/**
		 * Who may reach the API and the console: authenticated users of Spring Security
		 * (without it the application does not start), or permit-all, whoever reaches them,
		 * reading everything, for an application that protects them otherwise.
		 */
		private ApiAccess access = ApiAccess.AUTHENTICATED;

		/**
		 * Who reads and lists every entity of every workflow through the API and the console,
		 * unfiltered: a Spring Security expression such as hasRole('ADMIN'). Unset: nobody; other
		 * users read what the workflows' @StateField(readPermission, readFilter) allow them.
		 */
		private @Nullable String readAll;

		/**
		 * The read permission of workflows that declare no @StateField(readPermission): a Spring
		 * Security expression with #entity, such as #entity.owner == authentication.name. Unset:
		 * only the users of fsm.web.read-all read their entities.
		 */
		private @Nullable String defaultReadPermission;

		/**
		 * Whether refusals (problem details, the reasons of an entity's transitions) and the
		 * OpenAPI document show the permission and condition expressions, for operators who debug
		 * them. Off: users read words, never expressions that may name other users.
		 */
		private boolean includeDetails;

		/**
		 * The largest body of a request that fires a transition; larger ones are answered 413
		 * before they are read (by their Content-Length) or as soon as the limit is passed (when
		 * sent in chunks).
		 */
		private DataSize maxRequestSize = DataSize.ofKilobytes(64);

		/**
		 * The largest page of a listing or a history; a larger size asked for is capped to it.
		 */
		private int maxPageSize = 500;

		/**
		 * The most entities one request fires a transition on (a bulk action of the console);
		 * more are answered 413 before anything is fired.
		 */
		private int maxBulkSize = 100;

		/**
		 * Entity fields that an entity's view (the API's and the console's) never shows, such
		 * as passwordHash or Customer.taxNumber. Ids, versions and state fields are shown apart
		 * or not at all anyway.
		 */
		private Set<String> hiddenFields = new LinkedHashSet<>();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getMaxRequestSize() {
			return this.maxRequestSize;
		}

		public void setMaxRequestSize(DataSize maxRequestSize) {
			this.maxRequestSize = maxRequestSize;
		}

		public int getMaxPageSize() {
			return this.maxPageSize;
		}

		public int getMaxBulkSize() {
			return this.maxBulkSize;
		}

		public void setMaxBulkSize(int maxBulkSize) {
			this.maxBulkSize = maxBulkSize;
		}

		public Set<String> getHiddenFields() {
			return this.hiddenFields;
		}

		public void setHiddenFields(Set<String> hiddenFields) {
			this.hiddenFields = hiddenFields;
		}

		public void setMaxPageSize(int maxPageSize) {
			this.maxPageSize = maxPageSize;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

		public ApiExposure getExposure() {
			return this.exposure;
		}

		public void setExposure(ApiExposure exposure) {
			this.exposure = exposure;
		}

		public boolean isRequireIfMatch() {
			return this.requireIfMatch;
		}

		public void setRequireIfMatch(boolean requireIfMatch) {
			this.requireIfMatch = requireIfMatch;
		}

		public ApiAccess getAccess() {
			return this.access;
		}

		public void setAccess(ApiAccess access) {
			this.access = access;
		}

		public @Nullable String getReadAll() {
			return this.readAll;
		}

		public void setReadAll(@Nullable String readAll) {
			this.readAll = readAll;
		}

		public @Nullable String getDefaultReadPermission() {
			return this.defaultReadPermission;
		}

		public void setDefaultReadPermission(@Nullable String defaultReadPermission) {
			this.defaultReadPermission = defaultReadPermission;
		}

		public boolean isIncludeDetails() {
			return this.includeDetails;
		}

		public void setIncludeDetails(boolean includeDetails) {
			this.includeDetails = includeDetails;
		}

	}

	/**
	 * Locking of transitions whose workflow and declaration do not choose.
	 */
	public static class LockingDefaults {

		/**
		 * Locking mode of transitions that declare none (@Transition(lock) or @StateField(lock)):
		 * OPTIMISTIC (the @Version check when saving) or PESSIMISTIC (SELECT ... FOR UPDATE
		 * before the checks).
		 */
		private Locking mode = Locking.OPTIMISTIC;

		/**
		 * How long a pessimistic transition waits for its row lock, unless it declares a
		 * lockTimeout; 0 fails at once (NOWAIT).
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public Locking getMode() {
			return this.mode;
		}

		public void setMode(Locking mode) {
			this.mode = mode;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

	/**
	 * The backoff between the attempts of transitions declared safe to repeat
	 * (@Transition(retries)).
	 */
	public static class Retry {

		/**
		 * Pause before the first retry; it doubles for each next one, with a random jitter of
		 * up to half of it.
		 */
		private Duration delay = Duration.ofMillis(10);

		/**
		 * Longest pause between two attempts.
		 */
		private Duration maxDelay = Duration.ofMillis(200);

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

	}

	/**
	 * Permissions of transitions.
	 */
	public static class Security {

		/**
		 * Permission (a Spring Security expression) of every transition that declares none,
		 * for every way of firing it, e.g. isAuthenticated(). Unset: such transitions are open to
		 * everyone who can call the code that fires them.
		 */
		private @Nullable String defaultPermission;

		public @Nullable String getDefaultPermission() {
			return this.defaultPermission;
		}

		public void setDefaultPermission(@Nullable String defaultPermission) {
			this.defaultPermission = defaultPermission;
		}

	}

	/**
	 * Start-up validation of the workflow declarations.
	 */
	public static class Validation {

		/**
		 * Whether states that no transition reaches from the initial state fail the start-up;
		 * when false they are logged as a warning.
		 */
		private boolean failOnUnreachableStates = true;

		/**
		 * What the start-up does when rows hold a state their workflow does not declare (a
		 * renamed or removed state, NULL), counted with one GROUP BY per workflow: fail (stop the
		 * start-up with the list and the repair), warn (log them and start), or off. warn by
		 * default: during a rolling deployment that renames a state, the instances still running
		 * the old version keep writing the old value, and fail would stop the new ones.
		 */
		private StoredStateCheck.Mode storedStates = StoredStateCheck.Mode.WARN;

		public StoredStateCheck.Mode getStoredStates() {
			return this.storedStates;
		}

		public void setStoredStates(StoredStateCheck.Mode storedStates) {
			this.storedStates = storedStates;
		}

		public boolean isFailOnUnreachableStates() {
			return this.failOnUnreachableStates;
		}

		public void setFailOnUnreachableStates(boolean failOnUnreachableStates) {
			this.failOnUnreachableStates = failOnUnreachableStates;
		}

	}

	/**
	 * Writing the diagrams of every workflow to a folder, for documentation.
	 */
	public static class Diagrams {

		/**
		 * Folder to write the diagrams of every workflow to once the application has started,
		 * one file per workflow and format. Unset: nothing is written.
		 */
		private @Nullable Path exportDir;

		/**
		 * Formats to write.
		 */
		private Set<DiagramFormat> exportFormats = EnumSet.allOf(DiagramFormat.class);

		/**
		 * Whether the application shuts down once the diagrams are written.
		 */
		private boolean exitAfterExport = true;

		public @Nullable Path getExportDir() {
			return this.exportDir;
		}

		public void setExportDir(@Nullable Path exportDir) {
			this.exportDir = exportDir;
		}

		public Set<DiagramFormat> getExportFormats() {
			return this.exportFormats;
		}

		public void setExportFormats(Set<DiagramFormat> exportFormats) {
			this.exportFormats = exportFormats;
		}

		public boolean isExitAfterExport() {
			return this.exitAfterExport;
		}

		public void setExitAfterExport(boolean exitAfterExport) {
			this.exitAfterExport = exitAfterExport;
		}

	}

	/**
	 * The audit trail: one record per committed transition, written in its transaction.
	 */
	public static class Audit {

		/**
		 * Whether transitions are recorded in the audit trail (needs JPA, Spring Data and a
		 * DataSource).
		 */
		private boolean enabled = true;

		/**
		 * When to create the audit table with the script shipped for the database: on an
		 * embedded database only, always, or never (create it with Flyway or Liquibase).
		 */
		private SchemaInitialization initializeSchema = SchemaInitialization.EMBEDDED;

		/**
		 * Location of the script that creates the audit table; {@code @@platform@@} is replaced
		 * by the database platform.
		 */
		private String schema = "classpath:dev/fsm/audit/schema-@@platform@@.sql";

		/**
		 * Platform to use in the schema location (h2, postgresql, mariadb); detected from the
		 * DataSource when not set.
		 */
		private @Nullable String platform;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public SchemaInitialization getInitializeSchema() {
			return this.initializeSchema;
		}

		public void setInitializeSchema(SchemaInitialization initializeSchema) {
			this.initializeSchema = initializeSchema;
		}

		public String getSchema() {
			return this.schema;
		}

		public void setSchema(String schema) {
			this.schema = schema;
		}

		public @Nullable String getPlatform() {
			return this.platform;
		}

		public void setPlatform(@Nullable String platform) {
			this.platform = platform;
		}

		/**
		 * The values of Spring Boot's {@code DatabaseInitializationMode}, with the same meaning.
		 * Not that type itself: it lives in {@code spring-boot-sql}, and these properties are
		 * bound in applications without JDBC too.
		 */
		public enum SchemaInitialization {

			/** Create the table on an embedded database only. */
			EMBEDDED,

			/** Create the table when it does not exist, on any database. */
			ALWAYS,

			/** Never create the table. */
			NEVER

		}

	}

	/**
	 * Metrics of the stored entities (issue 25): the gauges of entities per state and of stuck
	 * entities, and the time spent in a state.
	 */
	public static class Metrics {

		private final Entities entities = new Entities();

		private final TimeInState timeInState = new TimeInState();

		public Entities getEntities() {
			return this.entities;
		}

		public TimeInState getTimeInState() {
			return this.timeInState;
		}

		/**
		 * The gauges fsm.entities and fsm.entities.stuck, counted on a schedule.
		 */
		public static class Entities {

			/**
			 * Whether to count the entities of every workflow. Off by default: counting runs a GROUP BY
			 * on each workflow's table every refresh interval.
			 */
			private boolean enabled;

			/**
			 * Workflows to count even when enabled is false, by name (CaseReport.state).
			 */
			private Set<String> workflows = new LinkedHashSet<>();

			/**
			 * How often the gauges are counted again; a scrape reads the last values.
			 */
			private Duration refreshInterval = Duration.ofMinutes(1);

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Set<String> getWorkflows() {
				return this.workflows;
			}

			public void setWorkflows(Set<String> workflows) {
				this.workflows = workflows;
			}

			public Duration getRefreshInterval() {
				return this.refreshInterval;
			}

			public void setRefreshInterval(Duration refreshInterval) {
				this.refreshInterval = refreshInterval;
			}

		}

		/**
		 * The timer fsm.time.in.state, recorded when a transition leaves a state.
		 */
		public static class TimeInState {

			/**
			 * Whether to record it, for the workflows with @StateChangedAt (read from the entity,
			 * no query).
			 */
			private boolean enabled = true;

			/**
			 * Whether workflows without @StateChangedAt read when the state was entered from the
			 * audit trail: one more query per transition, hence off by default.
			 */
			private boolean fromAuditTrail;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public boolean isFromAuditTrail() {
				return this.fromAuditTrail;
			}

			public void setFromAuditTrail(boolean fromAuditTrail) {
				this.fromAuditTrail = fromAuditTrail;
			}

		}

	}

	/**
	 * The health indicator of stuck entities (issue 25).
	 */
	public static class Health {

		private final Stuck stuck = new Stuck();

		public Stuck getStuck() {
			return this.stuck;
		}

		/**
		 * Reports the application unhealthy when too many entities are stuck.
		 */
		public static class Stuck {

			/**
			 * Whether to contribute the indicator (fsmStuck); it reads the fsm.entities.stuck gauges,
			 * so the workflows it watches need fsm.metrics.entities.
			 */
			private boolean enabled;

			/**
			 * How many stuck entities, all workflows together, are still healthy.
			 */
			private long threshold;

			/**
			 * The status above the threshold: OUT_OF_SERVICE or DOWN.
			 */
			private String status = "OUT_OF_SERVICE";

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public long getThreshold() {
				return this.threshold;
			}

			public void setThreshold(long threshold) {
				this.threshold = threshold;
			}

			public String getStatus() {
				return this.status;
			}

			public void setStatus(String status) {
				this.status = status;
			}

		}

	}

}
