package dev.fsm.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

import dev.fsm.EntityRef;
import dev.fsm.Transitions;
import dev.fsm.operations.metrics.Claim;
import dev.fsm.operations.metrics.ClaimRepository;
import dev.fsm.operations.metrics.MetricsApplication;
import dev.fsm.operations.metrics.Shipment;
import dev.fsm.operations.metrics.ShipmentRepository;
import dev.fsm.test.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics an operator's dashboard reads, in an application with a Prometheus
 * registry: entities per state and stuck entities counted on a schedule for the workflows
 * switched on, the time in a state when a transition leaves it (from
 * {@code @StateChangedAt}, else the audit trail), the health indicator of stuck entities,
 * and the Grafana dashboard of {@code docs/}, each of whose metrics is in the scrape.
 */
class WorkflowMetricsTests {

	private ConfigurableApplicationContext application;

	private Transitions transitions;

	private MutableClock clock;

	@BeforeEach
	void start() {
		this.application = new SpringApplicationBuilder(MetricsApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=jdbc:h2:mem:metrics-" + UUID.randomUUID(),
					"--spring.jpa.hibernate.ddl-auto=create-drop", "--fsm.metrics.entities.workflows=Shipment.state",
					"--fsm.metrics.entities.refresh-interval=1h", "--fsm.health.stuck.enabled=true",
					"--fsm.health.stuck.threshold=1", "--fsm.health.stuck.status=DOWN",
					"--fsm.metrics.time-in-state.from-audit-trail=true");
		this.transitions = this.application.getBean(Transitions.class);
		this.clock = (MutableClock) this.application.getBean(java.time.Clock.class);
	}

	@AfterEach
	void stop() {
		this.application.close();
	}

	@Test
	void countsEntitiesPerStateAndStuckOnesOnlyWhenRefreshedAndOnlyForTheWorkflowsSwitchedOn() {
		ShipmentRepository shipments = this.application.getBean(ShipmentRepository.class);
		List<Shipment> three = List.of(shipments.save(new Shipment()), shipments.save(new Shipment()),
				shipments.save(new Shipment()));
		this.transitions.fire(EntityRef.of(Shipment.class, three.get(0).getId()), "pack");
		this.transitions.fire(EntityRef.of(Shipment.class, three.get(1).getId()), "pack");
		this.application.getBean(ClaimRepository.class).save(new Claim());
		EntityGauges gauges = this.application.getBean(EntityGauges.class);
		MeterRegistry meters = this.application.getBean(MeterRegistry.class);

		assertThat(gauges.workflows()).containsExactly("Shipment.state");
		assertThat(entities(meters, "PACKED")).as("not counted by a transition, only by a refresh").isZero();

		this.clock.advance(Duration.ofHours(3));
		gauges.refresh();

		assertThat(entities(meters, "ORDERED")).isEqualTo(1);
		assertThat(entities(meters, "PACKED")).isEqualTo(2);
		assertThat(entities(meters, "SHIPPED")).isZero();
		assertThat(stuck(meters, "PACKED")).as("two hours in PACKED make it stuck").isEqualTo(2);
		assertThat(stuck(meters, "ORDERED")).as("a day in the other states").isZero();
		assertThat(meters.find(EntityGauges.STUCK).tag("state", "SHIPPED").gauge()).as("a final state").isNull();
		assertThat(meters.find(EntityGauges.ENTITIES).tag("workflow", "Claim.state").gauge())
			.as("off for the workflows not switched on")
			.isNull();

		Health health = this.application.getBean(StuckEntitiesHealthIndicator.class).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("stuck", 2L)
			.containsEntry("threshold", 1L)
			.containsEntry("workflows", java.util.Map.of("Shipment.state", java.util.Map.of("PACKED", 2L)));

		this.transitions.fire(EntityRef.of(Shipment.class, three.get(0).getId()), "ship");
		gauges.refresh();
		assertThat(stuck(meters, "PACKED")).isEqualTo(1);
		assertThat(this.application.getBean(StuckEntitiesHealthIndicator.class).health().getStatus())
			.as("at the threshold")
			.isEqualTo(Status.UP);
	}

	@Test
	void recordsTheTimeInAStateWhenATransitionLeavesItFromStateChangedAtOrTheAuditTrail() {
		Shipment shipment = this.application.getBean(ShipmentRepository.class).save(new Shipment());
		Claim claim = this.application.getBean(ClaimRepository.class).save(new Claim());
		MeterRegistry meters = this.application.getBean(MeterRegistry.class);

		this.clock.advance(Duration.ofMinutes(90));
		this.transitions.fire(EntityRef.of(Shipment.class, shipment.getId()), "pack");
		this.transitions.fire(EntityRef.of(Claim.class, claim.getId()), "review");
		this.clock.advance(Duration.ofHours(2));
		this.transitions.fire(EntityRef.of(Claim.class, claim.getId()), "pay");

		Timer ordered = meters.find(TimeInStateObserver.METER)
			.tags("workflow", "Shipment.state", "state", "ORDERED", "transition", "pack")
			.timer();
		assertThat(ordered).isNotNull();
		assertThat(ordered.count()).isEqualTo(1);
		assertThat(ordered.totalTime(java.util.concurrent.TimeUnit.MINUTES)).isEqualTo(90);
		assertThat(meters.find(TimeInStateObserver.METER).tags("workflow", "Claim.state", "state", "OPEN").timer())
			.as("no record says when the new claim entered OPEN")
			.isNull();
		Timer reviewed = meters.find(TimeInStateObserver.METER)
			.tags("workflow", "Claim.state", "state", "REVIEWED", "transition", "pay")
			.timer();
		assertThat(reviewed).isNotNull();
		assertThat(reviewed.totalTime(java.util.concurrent.TimeUnit.HOURS)).as("from the audit record of review")
			.isEqualTo(2);
	}

	@Test
	void everyMetricOfTheGrafanaDashboardIsInAPrometheusScrapeAfterATransition() throws IOException {
		Shipment shipment = this.application.getBean(ShipmentRepository.class).save(new Shipment());
		this.transitions.fire(EntityRef.of(Shipment.class, shipment.getId()), "pack");
		this.application.getBean(EntityGauges.class).refresh();

		String scrape = this.application.getBean(PrometheusMeterRegistry.class).scrape();

		Set<String> referenced = new TreeSet<>();
		Matcher names = Pattern.compile("\\bfsm_[a-z_]+")
			.matcher(Files.readString(Path.of("../docs/grafana-dashboard.json")));
		while (names.find()) {
			referenced.add(names.group());
		}
		assertThat(referenced).contains("fsm_entities", "fsm_entities_stuck", "fsm_time_in_state_seconds_count",
				"fsm_transition_seconds_count");
		assertThat(referenced)
			.allSatisfy((metric) -> assertThat(scrape).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
	}

	private static double entities(MeterRegistry meters, String state) {
		return meters.get(EntityGauges.ENTITIES).tags("workflow", "Shipment.state", "state", state).gauge().value();
	}

	private static double stuck(MeterRegistry meters, String state) {
		return meters.get(EntityGauges.STUCK).tags("workflow", "Shipment.state", "state", state).gauge().value();
	}

}
