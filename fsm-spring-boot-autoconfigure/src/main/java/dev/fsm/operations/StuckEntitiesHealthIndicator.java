package dev.fsm.operations;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports the application {@code DOWN} or {@code OUT_OF_SERVICE} (as configured) when
 * more entities than the threshold are stuck, with the stuck ones per workflow and state
 * as details. Reads the last values of {@link EntityGauges}: a health check runs no
 * query.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class StuckEntitiesHealthIndicator implements HealthIndicator {

	private final EntityGauges gauges;

	private final long threshold;

	private final Status status;

	/**
	 * @param threshold how many stuck entities are still healthy
	 * @param status the status above the threshold
	 */
	public StuckEntitiesHealthIndicator(EntityGauges gauges, long threshold, Status status) {
		this.gauges = gauges;
		this.threshold = threshold;
		this.status = status;
	}

	@Override
	public Health health() {
		Map<String, Map<String, Long>> stuck = this.gauges.stuck();
		long total = stuck.values()
			.stream()
			.flatMap((states) -> states.values().stream())
			.mapToLong(Long::longValue)
			.sum();
		Health.Builder health = (total > this.threshold) ? Health.status(this.status) : Health.up();
		return health.withDetail("stuck", total)
			.withDetail("threshold", this.threshold)
			.withDetail("workflows", stuck)
			.build();
	}

}
