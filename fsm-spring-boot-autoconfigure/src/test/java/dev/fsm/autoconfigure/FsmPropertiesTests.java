package dev.fsm.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import dev.fsm.DiagramFormat;
import dev.fsm.Locking;
import dev.fsm.operations.StoredStateCheck;
import dev.fsm.web.ApiAccess;
import dev.fsm.web.ApiExposure;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code fsm.*} properties: one {@code *Properties} class per feature, the keys,
 * defaults and descriptions of the configuration metadata unchanged, every key binding,
 * and each auto-configuration enabling the properties it reads.
 */
class FsmPropertiesTests {

	/**
	 * Every {@code fsm.*} key of the configuration metadata and its default ("" for
	 * none).
	 */
	private static final Map<String, String> DEFAULTS = Map.ofEntries(entry("fsm.audit.enabled", "true"),
			entry("fsm.audit.initialize-schema", "embedded"), entry("fsm.audit.platform", ""),
			entry("fsm.audit.schema", "classpath:dev/fsm/audit/schema-@@platform@@.sql"),
			entry("fsm.console.access", "isAuthenticated()"), entry("fsm.console.enabled", "false"),
			entry("fsm.console.entity-url", ""), entry("fsm.console.entity-urls", ""), entry("fsm.console.home", "/"),
			entry("fsm.console.path", "/fsm"), entry("fsm.console.title", ""),
			entry("fsm.diagrams.exit-after-export", "true"), entry("fsm.diagrams.export-dir", ""),
			entry("fsm.diagrams.export-formats", ""), entry("fsm.health.stuck.enabled", "false"),
			entry("fsm.health.stuck.status", "OUT_OF_SERVICE"), entry("fsm.health.stuck.threshold", "0"),
			entry("fsm.locking.mode", "optimistic"), entry("fsm.locking.timeout", "5s"),
			entry("fsm.metrics.entities.enabled", "false"), entry("fsm.metrics.entities.refresh-interval", "1m"),
			entry("fsm.metrics.entities.workflows", ""), entry("fsm.metrics.time-in-state.enabled", "true"),
			entry("fsm.metrics.time-in-state.from-audit-trail", "false"), entry("fsm.retry.delay", "10ms"),
			entry("fsm.retry.max-delay", "200ms"), entry("fsm.security.default-permission", ""),
			entry("fsm.stuck-after", "7d"), entry("fsm.timers.actor", "system"), entry("fsm.timers.batch-size", "100"),
			entry("fsm.timers.enabled", "true"), entry("fsm.timers.poll-interval", "30s"),
			entry("fsm.validation.fail-on-unreachable-states", "true"), entry("fsm.validation.stored-states", "warn"),
			entry("fsm.web.access", "authenticated"), entry("fsm.web.base-path", "/api/workflows"),
			entry("fsm.web.default-read-permission", ""), entry("fsm.web.enabled", "false"),
			entry("fsm.web.exposure", "all"), entry("fsm.web.hidden-fields", ""),
			entry("fsm.web.include-details", "false"), entry("fsm.web.max-bulk-size", "100"),
			entry("fsm.web.max-page-size", "500"), entry("fsm.web.max-request-size", "64KB"),
			entry("fsm.web.read-all", ""), entry("fsm.web.require-if-match", "false"));

	/** A value other than the default for every key, as an application would write it. */
	private static final Map<String, String> VALUES = Map.ofEntries(entry("fsm.stuck-after", "36h"),
			entry("fsm.validation.fail-on-unreachable-states", "false"), entry("fsm.validation.stored-states", "fail"),
			entry("fsm.security.default-permission", "isAuthenticated()"), entry("fsm.locking.mode", "pessimistic"),
			entry("fsm.locking.timeout", "2s"), entry("fsm.retry.delay", "20ms"), entry("fsm.retry.max-delay", "1s"),
			entry("fsm.timers.enabled", "false"), entry("fsm.timers.poll-interval", "1m"),
			entry("fsm.timers.batch-size", "10"), entry("fsm.timers.actor", "scheduler"),
			entry("fsm.console.enabled", "true"), entry("fsm.console.path", "/ops"),
			entry("fsm.console.access", "hasRole('OPS')"), entry("fsm.console.title", "Operations"),
			entry("fsm.console.home", "/home"), entry("fsm.console.entity-url", "/things/{workflow}/{id}"),
			entry("fsm.console.entity-urls", ""), entry("fsm.console.entity-urls[CaseReport.state]", "/reports/{id}"),
			entry("fsm.web.enabled", "true"), entry("fsm.web.base-path", "/api/ops"),
			entry("fsm.web.exposure", "annotated"), entry("fsm.web.require-if-match", "true"),
			entry("fsm.web.access", "permit-all"), entry("fsm.web.read-all", "hasRole('ADMIN')"),
			entry("fsm.web.default-read-permission", "#entity.owner == authentication.name"),
			entry("fsm.web.include-details", "true"), entry("fsm.web.max-request-size", "1MB"),
			entry("fsm.web.max-page-size", "50"), entry("fsm.web.max-bulk-size", "7"),
			entry("fsm.web.hidden-fields", "passwordHash,Customer.taxNumber"), entry("fsm.audit.enabled", "false"),
			entry("fsm.audit.initialize-schema", "always"), entry("fsm.audit.schema", "classpath:audit.sql"),
			entry("fsm.audit.platform", "postgresql"), entry("fsm.diagrams.export-dir", "target/diagrams"),
			entry("fsm.diagrams.export-formats", "mermaid,svg"), entry("fsm.diagrams.exit-after-export", "false"),
			entry("fsm.metrics.entities.enabled", "true"),
			entry("fsm.metrics.entities.workflows", "CaseReport.state,Order.status"),
			entry("fsm.metrics.entities.refresh-interval", "30s"), entry("fsm.metrics.time-in-state.enabled", "false"),
			entry("fsm.metrics.time-in-state.from-audit-trail", "true"), entry("fsm.health.stuck.enabled", "true"),
			entry("fsm.health.stuck.threshold", "5"), entry("fsm.health.stuck.status", "DOWN"));

	private static final Pattern PROPERTY = Pattern.compile("`(fsm\\.[a-z][a-z.-]*[a-z])");

	private final ApplicationContextRunner runner = new ApplicationContextRunner();

	@Test
	void theMetadataListsEveryKeyWithItsDescriptionAndDefault() throws IOException {
		Map<String, String> defaults = new TreeMap<>();
		for (JsonNode property : metadata().get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("fsm.")) {
				assertThat(property.path("description").asString("")).as("the description of %s", name).isNotBlank();
				defaults.put(name, property.path("defaultValue").asString(""));
			}
		}
		assertThat(defaults).isEqualTo(new TreeMap<>(DEFAULTS));
	}

	@Test
	void theMetadataGroupsAreTheFeatures() throws IOException {
		Map<String, String> groups = new TreeMap<>();
		for (JsonNode group : metadata().get("groups")) {
			String name = group.get("name").asString();
			if (name.startsWith("fsm")) {
				groups.put(name, group.get("type").asString().replace("dev.fsm.autoconfigure.", ""));
			}
		}
		assertThat(groups).containsExactlyEntriesOf(new TreeMap<>(Map.ofEntries(entry("fsm", "FsmProperties"),
				entry("fsm.audit", "FsmAuditProperties"), entry("fsm.console", "FsmConsoleProperties"),
				entry("fsm.diagrams", "FsmDiagramProperties"), entry("fsm.health", "FsmHealthProperties"),
				entry("fsm.health.stuck", "FsmHealthProperties$Stuck"), entry("fsm.locking", "FsmLockingProperties"),
				entry("fsm.metrics", "FsmMetricsProperties"),
				entry("fsm.metrics.entities", "FsmMetricsProperties$Entities"),
				entry("fsm.metrics.time-in-state", "FsmMetricsProperties$TimeInState"),
				entry("fsm.retry", "FsmRetryProperties"), entry("fsm.security", "FsmSecurityProperties"),
				entry("fsm.timers", "FsmTimerProperties"), entry("fsm.validation", "FsmValidationProperties"),
				entry("fsm.web", "FsmWebProperties"))));
	}

	@Test
	void everyKeyBinds() {
		assertThat(new TreeSet<>(VALUES.keySet())).as("the keys this test sets")
			.containsAll(DEFAULTS.keySet())
			.allMatch((key) -> DEFAULTS.containsKey(key.replaceAll("\\[.*]$", "")));
		this.runner.withUserConfiguration(AllProperties.class)
			.withPropertyValues(VALUES.entrySet()
				.stream()
				.filter((value) -> !value.getValue().isEmpty())
				.map((value) -> value.getKey() + "=" + value.getValue())
				.toArray(String[]::new))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(FsmProperties.class).getStuckAfter()).isEqualTo(Duration.ofHours(36));
				FsmValidationProperties validation = context.getBean(FsmValidationProperties.class);
				assertThat(validation.isFailOnUnreachableStates()).isFalse();
				assertThat(validation.getStoredStates()).isEqualTo(StoredStateCheck.Mode.FAIL);
				assertThat(context.getBean(FsmSecurityProperties.class).getDefaultPermission())
					.isEqualTo("isAuthenticated()");
				FsmLockingProperties locking = context.getBean(FsmLockingProperties.class);
				assertThat(locking.getMode()).isEqualTo(Locking.PESSIMISTIC);
				assertThat(locking.getTimeout()).isEqualTo(Duration.ofSeconds(2));
				FsmRetryProperties retry = context.getBean(FsmRetryProperties.class);
				assertThat(retry.getDelay()).isEqualTo(Duration.ofMillis(20));
				assertThat(retry.getMaxDelay()).isEqualTo(Duration.ofSeconds(1));
				FsmTimerProperties timers = context.getBean(FsmTimerProperties.class);
				assertThat(timers.isEnabled()).isFalse();
				assertThat(timers.getPollInterval()).isEqualTo(Duration.ofMinutes(1));
				assertThat(timers.getBatchSize()).isEqualTo(10);
				assertThat(timers.getActor()).isEqualTo("scheduler");
				FsmConsoleProperties console = context.getBean(FsmConsoleProperties.class);
				assertThat(console.isEnabled()).isTrue();
				assertThat(console.getPath()).isEqualTo("/ops");
				assertThat(console.getAccess()).isEqualTo("hasRole('OPS')");
				assertThat(console.getTitle()).isEqualTo("Operations");
				assertThat(console.getHome()).isEqualTo("/home");
				assertThat(console.getEntityUrl()).isEqualTo("/things/{workflow}/{id}");
				assertThat(console.getEntityUrls()).containsExactly(entry("CaseReport.state", "/reports/{id}"));
				FsmWebProperties web = context.getBean(FsmWebProperties.class);
				assertThat(web.isEnabled()).isTrue();
				assertThat(web.getBasePath()).isEqualTo("/api/ops");
				assertThat(web.getExposure()).isEqualTo(ApiExposure.ANNOTATED);
				assertThat(web.isRequireIfMatch()).isTrue();
				assertThat(web.getAccess()).isEqualTo(ApiAccess.PERMIT_ALL);
				assertThat(web.getReadAll()).isEqualTo("hasRole('ADMIN')");
				assertThat(web.getDefaultReadPermission()).isEqualTo("#entity.owner == authentication.name");
				assertThat(web.isIncludeDetails()).isTrue();
				assertThat(web.getMaxRequestSize()).isEqualTo(DataSize.ofMegabytes(1));
				assertThat(web.getMaxPageSize()).isEqualTo(50);
				assertThat(web.getMaxBulkSize()).isEqualTo(7);
				assertThat(web.getHiddenFields()).containsExactly("passwordHash", "Customer.taxNumber");
				FsmAuditProperties audit = context.getBean(FsmAuditProperties.class);
				assertThat(audit.isEnabled()).isFalse();
				assertThat(audit.getInitializeSchema()).isEqualTo(FsmAuditProperties.SchemaInitialization.ALWAYS);
				assertThat(audit.getSchema()).isEqualTo("classpath:audit.sql");
				assertThat(audit.getPlatform()).isEqualTo("postgresql");
				FsmDiagramProperties diagrams = context.getBean(FsmDiagramProperties.class);
				assertThat(diagrams.getExportDir()).isEqualTo(Path.of("target/diagrams"));
				assertThat(diagrams.getExportFormats()).containsExactlyInAnyOrder(DiagramFormat.MERMAID,
						DiagramFormat.SVG);
				assertThat(diagrams.isExitAfterExport()).isFalse();
				FsmMetricsProperties metrics = context.getBean(FsmMetricsProperties.class);
				assertThat(metrics.getEntities().isEnabled()).isTrue();
				assertThat(metrics.getEntities().getWorkflows()).containsExactly("CaseReport.state", "Order.status");
				assertThat(metrics.getEntities().getRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
				assertThat(metrics.getTimeInState().isEnabled()).isFalse();
				assertThat(metrics.getTimeInState().isFromAuditTrail()).isTrue();
				FsmHealthProperties health = context.getBean(FsmHealthProperties.class);
				assertThat(health.getStuck().isEnabled()).isTrue();
				assertThat(health.getStuck().getThreshold()).isEqualTo(5);
				assertThat(health.getStuck().getStatus()).isEqualTo("DOWN");
			});
	}

	@Test
	void everyPropertyOfThePropertiesPageIsAKeyOrAGroupThatBinds() throws IOException {
		Matcher matcher = PROPERTY.matcher(Files.readString(Path.of("../docs/properties.md")));
		TreeSet<String> named = new TreeSet<>();
		while (matcher.find()) {
			named.add(matcher.group(1));
		}
		assertThat(named).contains("fsm.stuck-after", "fsm.web.enabled", "fsm.health.stuck")
			.allMatch(
					(name) -> DEFAULTS.keySet()
						.stream()
						.anyMatch((key) -> key.equals(name) || key.startsWith(name + ".")),
					"a key, or the group of keys");
	}

	@Test
	void theEngineReadsItsOwnPropertiesOnly() {
		this.runner.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasSingleBean(FsmProperties.class)
				.hasSingleBean(FsmValidationProperties.class)
				.hasSingleBean(FsmSecurityProperties.class)
				.hasSingleBean(FsmLockingProperties.class)
				.hasSingleBean(FsmRetryProperties.class);
			assertThat(context).doesNotHaveBean(FsmWebProperties.class)
				.doesNotHaveBean(FsmConsoleProperties.class)
				.doesNotHaveBean(FsmTimerProperties.class)
				.doesNotHaveBean(FsmAuditProperties.class)
				.doesNotHaveBean(FsmMetricsProperties.class)
				.doesNotHaveBean(FsmHealthProperties.class);
		});
	}

	@Test
	void theDiagramsReadTheirOwnProperties() {
		this.runner
			.withConfiguration(AutoConfigurations.of(FsmAutoConfiguration.class, FsmDiagramAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(FsmDiagramProperties.class)
				.doesNotHaveBean(FsmWebProperties.class));
	}

	/** The configuration metadata that the build generates for this module. */
	private static JsonNode metadata() throws IOException {
		Enumeration<URL> files = FsmPropertiesTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (files.hasMoreElements()) {
			try (InputStream in = files.nextElement().openStream()) {
				JsonNode metadata = JsonMapper.builder().build().readTree(in);
				for (JsonNode group : metadata.get("groups")) {
					if (group.get("name").asString().equals("fsm")) {
						return metadata;
					}
				}
			}
		}
		throw new IllegalStateException("No configuration metadata with the group fsm");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ FsmProperties.class, FsmValidationProperties.class, FsmSecurityProperties.class,
			FsmLockingProperties.class, FsmRetryProperties.class, FsmTimerProperties.class, FsmConsoleProperties.class,
			FsmWebProperties.class, FsmAuditProperties.class, FsmDiagramProperties.class, FsmMetricsProperties.class,
			FsmHealthProperties.class })
	static class AllProperties {

	}

}
