package dev.fsm.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.fsm.PostTransitionEvent;
import dev.fsm.PreTransitionEvent;
import dev.fsm.TransitionEvent;
import dev.fsm.TransitionFailedEvent;

/** Records the transition events it receives, by kind of listener. */
@Component
public class RecordingListener {

	public final List<TransitionEvent<?>> all = new CopyOnWriteArrayList<>();

	public final List<PostTransitionEvent<CaseReport>> caseReportsOnly = new CopyOnWriteArrayList<>();

	public final List<PostTransitionEvent<?>> afterCommit = new CopyOnWriteArrayList<>();

	public final List<TransitionFailedEvent<?>> failedAfterCommit = new CopyOnWriteArrayList<>();

	private volatile Consumer<PreTransitionEvent<?>> onPre = (event) -> {
	};

	private volatile Consumer<PostTransitionEvent<?>> onPost = (event) -> {
	};

	private volatile Consumer<PostTransitionEvent<?>> onAfterCommit = (event) -> {
	};

	@EventListener
	void on(TransitionEvent<?> event) {
		this.all.add(event);
		if (event instanceof PreTransitionEvent<?> pre) {
			this.onPre.accept(pre);
		}
		if (event instanceof PostTransitionEvent<?> post) {
			this.onPost.accept(post);
		}
	}

	@EventListener
	void onCaseReport(PostTransitionEvent<CaseReport> event) {
		this.caseReportsOnly.add(event);
	}

	@TransactionalEventListener
	void afterCommit(PostTransitionEvent<?> event) {
		this.afterCommit.add(event);
		this.onAfterCommit.accept(event);
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void failedAfterCommit(TransitionFailedEvent<?> event) {
		this.failedAfterCommit.add(event);
	}

	public void onPre(Consumer<PreTransitionEvent<?>> action) {
		this.onPre = action;
	}

	public void onPost(Consumer<PostTransitionEvent<?>> action) {
		this.onPost = action;
	}

	public void onAfterCommit(Consumer<PostTransitionEvent<?>> action) {
		this.onAfterCommit = action;
	}

	@SuppressWarnings("unchecked")
	public <E extends TransitionEvent<?>> List<E> of(Class<E> type) {
		return this.all.stream().filter(type::isInstance).map((e) -> (E) e).toList();
	}

	public void reset() {
		this.all.clear();
		this.caseReportsOnly.clear();
		this.afterCommit.clear();
		this.failedAfterCommit.clear();
		this.onPre = (event) -> {
		};
		this.onPost = (event) -> {
		};
		this.onAfterCommit = (event) -> {
		};
	}

}
