package dev.fsm.timer;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Polls the {@link TransitionTimers} at a fixed delay while the application runs, the
 * first poll one interval after start-up, on the application's {@link TaskScheduler} or a
 * thread of its own. Nothing is scheduled when no workflow declares a timed transition.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class TimerSchedule implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(TimerSchedule.class);

	private final TransitionTimers timers;

	private final @Nullable TaskScheduler applicationScheduler;

	private final Duration interval;

	private @Nullable ThreadPoolTaskScheduler ownScheduler;

	private volatile @Nullable ScheduledFuture<?> polling;

	/** Held while a poll runs, so that stopping waits for it. */
	private final ReentrantLock running = new ReentrantLock();

	private volatile boolean stopped;

	/**
	 * @param scheduler the application's scheduler, or {@code null} to poll on a thread
	 * of its own
	 */
	public TimerSchedule(TransitionTimers timers, @Nullable TaskScheduler scheduler, Duration interval) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("fsm.timers.poll-interval must be positive, not " + interval);
		}
		this.timers = timers;
		this.applicationScheduler = scheduler;
		this.interval = interval;
	}

	@Override
	public void start() {
		if (this.timers.routes().isEmpty() || this.polling != null) {
			return;
		}
		this.stopped = false;
		TaskScheduler scheduler = this.applicationScheduler;
		if (scheduler == null) {
			ThreadPoolTaskScheduler own = new ThreadPoolTaskScheduler();
			own.setThreadNamePrefix("fsm-timers-");
			own.setWaitForTasksToCompleteOnShutdown(true);
			own.initialize();
			this.ownScheduler = own;
			scheduler = own;
		}
		this.polling = scheduler.scheduleWithFixedDelay(this::poll, scheduler.getClock().instant().plus(this.interval),
				this.interval);
		logger.info("Polling " + this.timers.routes().size() + " timed transition route(s) every " + this.interval
				+ (this.timers.claimsWithSkipLocked() ? ", claiming rows with FOR UPDATE SKIP LOCKED"
						: ", relying on the version check between instances"));
	}

	private void poll() {
		this.running.lock();
		try {
			if (!this.stopped) {
				this.timers.poll(() -> this.stopped);
			}
		}
		catch (RuntimeException ex) {
			logger.error("Polling the timed transitions failed; the next poll is in " + this.interval, ex);
		}
		finally {
			this.running.unlock();
		}
	}

	/**
	 * Stops polling; a poll that is running ends after the entity it is firing (waited
	 * for up to a minute).
	 */
	@Override
	public void stop() {
		this.stopped = true;
		ScheduledFuture<?> polling = this.polling;
		if (polling != null) {
			polling.cancel(false);
			this.polling = null;
		}
		awaitRunningPoll();
		ThreadPoolTaskScheduler own = this.ownScheduler;
		if (own != null) {
			own.shutdown();
			this.ownScheduler = null;
		}
	}

	private void awaitRunningPoll() {
		try {
			if (this.running.tryLock(1, TimeUnit.MINUTES)) {
				this.running.unlock();
			}
			else {
				logger.warn("A poll of the timed transitions still runs after a minute; stopping without it");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.polling != null;
	}

}
