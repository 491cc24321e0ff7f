package dev.fsm.web;

import java.util.Map;

import dev.fsm.Workflow;
import dev.fsm.spi.EntityStore;

/**
 * Ids in paths, accepted only as the API writes them (as the audit trail does):
 * {@code 6}, not {@code 0x6}, {@code 06}, {@code +6}, {@code " 6"} or full-width digits,
 * which the conversion service would all read as 6. One entity has one URL.
 */
final class EntityIds {

	private EntityIds() {
	}

	/**
	 * The id of {@code text}.
	 * @throws WorkflowApiException 400 when {@code text} is no id of the workflow's
	 * entity, or not written as the API writes it
	 */
	static Object parse(EntityStore store, Workflow workflow, String text) {
		Object id;
		try {
			id = store.toId(workflow.entityType(), text);
		}
		catch (IllegalArgumentException ex) {
			throw notAnId(workflow, text, "");
		}
		String canonical = store.formatId(workflow.entityType(), id);
		if (!canonical.equals(text)) {
			throw notAnId(workflow, text, " as this API writes them: write '" + canonical + "'");
		}
		return id;
	}

	private static WorkflowApiException notAnId(Workflow workflow, String text, String hint) {
		return new WorkflowApiException(ProblemType.BAD_REQUEST,
				"'" + text + "' is not an id of " + workflow.entityName() + hint, Map.of("id", text));
	}

}
