package dev.fsm.scale;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What {@link ReadScale} holds the HTTP API against: the controller a competent developer writes
 * for the same reads, one {@link JdbcTemplate} query each (and the count a page shows), JSON by
 * Spring MVC's converters as the API's.
 */
@RestController
class HandWrittenTickets {

	private static final String COLUMNS = "select id, version, state, changed_at, title from ticket";

	private final JdbcTemplate jdbc;

	HandWrittenTickets(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/hand/tickets/states")
	List<Map<String, Object>> states() {
		return this.jdbc.queryForList("select state, count(*) as count from ticket group by state order by state");
	}

	@GetMapping("/hand/tickets")
	Map<String, Object> inState(@RequestParam String state, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		List<Map<String, Object>> content = this.jdbc.queryForList(COLUMNS + " where state = ? order by id limit ? offset ?",
				state, size, (long) page * size);
		Long total = this.jdbc.queryForObject("select count(*) from ticket where state = ?", Long.class, state);
		return Map.of("content", content, "page", page, "size", size, "total", total);
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

}
