package dev.fsm.benchmarks;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The baseline: the status code a competent Spring developer writes by hand. One transaction:
 * load, check the state, set it (the versioned update at commit), and, when the application keeps
 * a history ({@code fsm.audit.enabled}, as for the audit trail), one history row, inserted with
 * one {@link JdbcTemplate} statement on the transaction's connection (the table is
 * {@link PlainArticleHistory}'s, with the audit trail's columns, constraint and indexes).
 */
@Service
@ConditionalOnBooleanProperty(name = "benchmarks.database", matchIfMissing = true)
public class HandWrittenService {

	private static final List<String> TASK_STATES = List.of("TODO", "DOING", "DONE");

	private final EntityManager entityManager;

	private static final String INSERT_HISTORY = "insert into plain_article_history (entity_type, entity_id, "
			+ "workflow, seq_no, transition_name, source_state, target_state, actor, occurred_at, outcome) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED')";

	private final JdbcTemplate jdbc;

	private final boolean history;

	HandWrittenService(EntityManager entityManager, JdbcTemplate jdbc,
			@Value("${fsm.audit.enabled:true}") boolean history) {
		this.entityManager = entityManager;
		this.jdbc = jdbc;
		this.history = history;
	}

	@Transactional
	public PlainArticle toggle(long id) {
		PlainArticle article = this.entityManager.find(PlainArticle.class, id);
		String source = article.state;
		if (!"DRAFT".equals(source) && !"LIVE".equals(source)) {
			throw new IllegalStateException("Cannot toggle article " + id + " in state " + source);
		}
		article.state = "DRAFT".equals(source) ? "LIVE" : "DRAFT";
		if (this.history) {
			insertHistory("PlainArticle", article.id, article.version + 1, "toggle", source, article.state);
		}
		return article;
	}

	/** {@code forward} or {@code back} around the ring TODO, DOING, DONE. */
	@Transactional
	public PlainTask move(long id, String transition) {
		PlainTask task = this.entityManager.find(PlainTask.class, id);
		String source = task.state;
		int index = TASK_STATES.indexOf(source);
		if (index < 0) {
			throw new IllegalStateException("Task " + id + " is in an unknown state " + source);
		}
		int step = switch (transition) {
			case "forward" -> 1;
			case "back" -> 2;
			default -> throw new IllegalArgumentException("No transition " + transition);
		};
		task.state = TASK_STATES.get((index + step) % TASK_STATES.size());
		if (this.history) {
			insertHistory("PlainTask", id, task.version + 1, transition, source, task.state);
		}
		return task;
	}

	private void insertHistory(String entityType, long id, long step, String transition, String source,
			String target) {
		this.jdbc.update(INSERT_HISTORY, entityType, String.valueOf(id), entityType + ".state", step, transition, source,
				target, actor(), Timestamp.from(Instant.now()));
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null) ? authentication.getName() : "anonymous";
	}

}
