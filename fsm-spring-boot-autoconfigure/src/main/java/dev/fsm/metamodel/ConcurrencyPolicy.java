package dev.fsm.metamodel;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.StringUtils;

import dev.fsm.Locking;
import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * How a transition guards against concurrent changes, as declared on it or on its
 * workflow: the locking mode ({@link Locking#DEFAULT} until the engine applies
 * {@code fsm.locking.mode}), the lock timeout ({@code null} for
 * {@code fsm.locking.timeout}) and how often it is retried.
 * <p>
 * Public because the engine runs on it.
 */
public record ConcurrencyPolicy(Locking lock, @Nullable Duration lockTimeout, int retries) {

	/** What a workflow declares on its {@link StateField}; problems are collected. */
	static ConcurrencyPolicy of(StateField field, String where, List<String> problems) {
		Duration timeout = timeout(field.lockTimeout(), where, problems);
		if (field.retries() < 0) {
			problems.add(where + " declares retries = " + field.retries() + "; retries are 0 or more");
		}
		return new ConcurrencyPolicy(field.lock(), timeout, Math.max(field.retries(), 0));
	}

	/** The policy of a transition: what its declarations say, else its workflow's. */
	ConcurrencyPolicy with(List<Transition> declarations, String where, List<String> problems) {
		Set<Locking> locks = new LinkedHashSet<>();
		Set<String> timeouts = new LinkedHashSet<>();
		Set<Integer> retries = new LinkedHashSet<>();
		for (Transition declaration : declarations) {
			if (declaration.lock() != Locking.DEFAULT) {
				locks.add(declaration.lock());
			}
			if (StringUtils.hasText(declaration.lockTimeout())) {
				timeouts.add(declaration.lockTimeout().trim());
			}
			if (declaration.retries() != -1) {
				retries.add(declaration.retries());
			}
		}
		agree(locks, "lock", where, problems);
		agree(timeouts, "lockTimeout", where, problems);
		agree(retries, "retries", where, problems);
		Locking lock = locks.isEmpty() ? this.lock : locks.iterator().next();
		Duration timeout = timeouts.isEmpty() ? this.lockTimeout : timeout(timeouts.iterator().next(), where, problems);
		int retry = retries.isEmpty() ? this.retries : retries.iterator().next();
		if (retry < 0) {
			problems.add(where + " declares retries = " + retry + "; retries are 0 or more (-1: the workflow's)");
			retry = 0;
		}
		return new ConcurrencyPolicy(lock, timeout, retry);
	}

	private static void agree(Set<?> values, String attribute, String where, List<String> problems) {
		if (values.size() > 1) {
			problems.add(where + " declares different " + attribute + " values " + values
					+ " on its stacked @Transition annotations; declare it once");
		}
	}

	private static @Nullable Duration timeout(String text, String where, List<String> problems) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		Duration timeout;
		try {
			timeout = DurationStyle.detectAndParse(text.trim());
		}
		catch (IllegalArgumentException ex) {
			problems.add(where + " has lockTimeout \"" + text + "\", which is no duration (\"2s\", \"500ms\", \"PT2S\";"
					+ " \"0\" for NOWAIT)");
			return null;
		}
		if (timeout.isNegative()) {
			problems.add(where + " has lockTimeout \"" + text + "\"; a lock timeout is zero (NOWAIT) or more");
			return null;
		}
		return timeout;
	}

}
