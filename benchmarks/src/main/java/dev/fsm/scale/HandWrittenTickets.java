package dev.fsm.scale;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@link ReadScale} holds the HTTP API against: the controller a competent developer writes
 * for the same reads, one {@link JdbcTemplate} query each (and the count a page shows), JSON by
 * Spring MVC's converters as the API's; and what {@link FireScale} holds firing a transition over
 * HTTP against: load the row, check the version the client saw ({@code If-Match}) and the state,
 * a versioned update and the history row, in one transaction.
 */
@RestController
class HandWrittenTickets {

	private static final String COLUMNS = "select id, version, state, changed_at, title from ticket";

	private final JdbcTemplate jdbc;

	HandWrittenTickets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Each state counted up to 10,000, as the API counts them: one statement. */
	@GetMapping("/hand/tickets/states")
	List<Map<String, Object>> states() {
		return this.jdbc.queryForList("select s.state, (select count(*) from (select 1 from ticket t where t.state = s.state"
				+ " limit 10001) c) as count from (values ('NEW'), ('OPEN'), ('WAITING'), ('SOLVED'), ('CLOSED')) s(state)");
	}

	/** A page of the tickets in a state, oldest in it first, from a position ({@code since}, {@code id}). */
	@GetMapping("/hand/tickets")
	Map<String, Object> inState(@RequestParam String state, @RequestParam(required = false) Instant since,
			@RequestParam(required = false) Long id, @RequestParam(defaultValue = "20") int size) {
		List<Map<String, Object>> content = (since != null)
				? this.jdbc.queryForList(COLUMNS + " where state = ? and (changed_at, id) > (?, ?) order by changed_at, id limit ?",
						state, Timestamp.from(since), id, size + 1)
				: this.jdbc.queryForList(COLUMNS + " where state = ? order by changed_at, id limit ?", state, size + 1);
		return page(content, size);
	}

	/** A page of all tickets, oldest in their state first. */
	@GetMapping("/hand/tickets/by-age")
	Map<String, Object> byAge(@RequestParam(defaultValue = "20") int size) {
		return page(this.jdbc.queryForList(COLUMNS + " order by changed_at, id limit ?", size + 1), size);
	}

	private static Map<String, Object> page(List<Map<String, Object>> rows, int size) {
		boolean more = rows.size() > size;
		List<Map<String, Object>> content = more ? rows.subList(0, size) : rows;
		Object next = more ? content.get(size - 1).get("changed_at") + "," + content.get(size - 1).get("id") : "";
		return Map.of("content", content, "size", size, "next", next);
	}

	@GetMapping("/hand/tickets/{id}")
	Map<String, Object> ticket(@PathVariable long id) {
		return this.jdbc.queryForMap(COLUMNS + " where id = ?", id);
	}

	@GetMapping("/hand/tickets/{id}/history")
	Map<String, Object> history(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		this.jdbc.queryForMap("select id from ticket where id = ?", id);
		String where = " from fsm_transition_record where entity_type = 'Ticket' and entity_id = ? and workflow = 'Ticket.state'";
		List<Map<String, Object>> content = this.jdbc.queryForList(
				"select *" + where + " order by seq_no desc limit ? offset ?", Long.toString(id), size, (long) page * size);
		Long total = this.jdbc.queryForObject("select count(*)" + where, Long.class, Long.toString(id));
		return Map.of("content", content, "page", page, "size", size, "total", total);
	}

	/** {@code waitForCustomer} (OPEN to WAITING) or {@code resume} (WAITING to OPEN). */
	@PostMapping("/hand/tickets/{id}/transitions/{transition}")
	@Transactional
	ResponseEntity<Map<String, Object>> fire(@PathVariable long id, @PathVariable String transition,
			@RequestHeader("If-Match") String ifMatch, @RequestBody Map<String, Object> arguments) {
		Map<String, Object> row = this.jdbc.queryForMap("select state, version from ticket where id = ?", id);
		long version = ((Number) row.get("version")).longValue();
		if (!ifMatch.equals("\"" + version + "\"")) {
			return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
		}
		String source = (String) row.get("state");
		String target = switch (transition) {
			case "waitForCustomer" -> "OPEN".equals(source) ? "WAITING" : null;
			case "resume" -> "WAITING".equals(source) ? "OPEN" : null;
			default -> null;
		};
		if (target == null) {
			return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("state", source));
		}
		Timestamp now = Timestamp.from(Instant.now());
		if (this.jdbc.update("update ticket set state = ?, version = version + 1, changed_at = ? where id = ? and version = ?",
				target, now, id, version) != 1) {
			return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).build();
		}
		this.jdbc.update("insert into plain_reminder_history (entity_type, entity_id, workflow, seq_no, "
				+ "transition_name, source_state, target_state, actor, occurred_at, outcome) "
				+ "values ('Ticket', ?, 'Ticket.state', ?, ?, ?, ?, 'anonymous', ?, 'COMPLETED')", Long.toString(id),
				version + 1, transition, source, target, now);
		return ResponseEntity.ok().eTag("\"" + (version + 1) + "\"").body(Map.of("id", id, "state", target, "version", version + 1));
	}

}
