package dev.fsm.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.http.ProblemDetail;

import dev.fsm.DiagramFormat;
import dev.fsm.TransitionLockTimeoutException;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionParameter;
import dev.fsm.TransitionRefusal.Reason;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.UnknownTransitionException;
import dev.fsm.Workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The HTTP API's parts without a Spring context: the If-Match header, the diagram's media
 * type, the arguments read from a JSON body, and a problem of its own type.
 */
class HttpPartsUnitTests {

	private static final Workflow CLAIM = new Workflow("Claim.state", Object.class, "Claim", "state", String.class,
			List.of("FILED", "PAID"), "FILED", List.of());

	@Test
	void aLockTimeoutIsAConflictOfItsOwnType() {
		ProblemDetail problem = new WorkflowApiExceptionHandler().refusal(new TransitionLockTimeoutException(
				"Transition 'sell' on Seat#7 could not lock the entity within 3000 ms", Object.class, 7L, "sell",
				"HELD", Duration.ofSeconds(3), null));
		assertThat(problem.getStatus()).isEqualTo(409);
		assertThat(problem.getType()).hasToString("urn:fsm:problem:locked");
		assertThat(problem.getTitle()).isEqualTo("Entity locked by another transaction");
		assertThat(problem.getDetail())
			.isEqualTo("Transition 'sell' on Seat#7 could not lock the entity within 3000 ms");
		assertThat(problem.getProperties()).containsEntry("transition", "sell");
	}

	@Test
	void everyReasonHasItsStatusAndProblemType() {
		Map<Reason, String> table = new EnumMap<>(Reason.class);
		for (Reason reason : Reason.values()) {
			ProblemType type = ProblemType.of(reason);
			table.put(reason, type.status().value() + " " + type.type());
		}
		assertThat(table).containsExactly(entry(Reason.WRONG_STATE, "409 urn:fsm:problem:not-allowed"),
				entry(Reason.UNKNOWN_TRANSITION, "404 urn:fsm:problem:unknown-transition"),
				entry(Reason.DENIED, "403 urn:fsm:problem:denied"),
				entry(Reason.CONDITIONS_FAILED, "422 urn:fsm:problem:conditions-failed"),
				entry(Reason.GUARD_FAILED, "500 urn:fsm:problem:transition-failed"),
				entry(Reason.INVALID_ARGUMENTS, "400 urn:fsm:problem:invalid-arguments"),
				entry(Reason.CALLER_LEFT_BEHIND, "500 urn:fsm:problem:transition-failed"),
				entry(Reason.UNKNOWN_ENTITY, "404 urn:fsm:problem:unknown-entity"),
				entry(Reason.UNKNOWN_STATE, "409 urn:fsm:problem:unknown-state"),
				entry(Reason.VERSION_MISMATCH, "412 urn:fsm:problem:stale-version"),
				entry(Reason.CONFLICT, "409 urn:fsm:problem:conflict"),
				entry(Reason.LOCK_TIMEOUT, "409 urn:fsm:problem:locked"),
				entry(Reason.INVALID_TARGET, "500 urn:fsm:problem:transition-failed"),
				entry(Reason.AUDIT_TRAIL_CONFLICT, "500 urn:fsm:problem:audit-trail-conflict"),
				entry(Reason.ILLEGAL_STATE_CHANGE, "500 urn:fsm:problem:transition-failed"),
				entry(Reason.FAILED, "500 urn:fsm:problem:transition-failed"));
	}

	@Test
	void anUnknownTransitionIsAnsweredLikeTheCatalogAnswersAnUnexposedOne() {
		ProblemDetail problem = new WorkflowApiExceptionHandler().refusal(new UnknownTransitionException(
				"Transition 'reset' on Shipment#7 is ambiguous", Object.class, 7L, "reset", null, List.of()));
		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getType()).hasToString("urn:fsm:problem:unknown-transition");
		assertThat(problem.getDetail()).isEqualTo("Transition 'reset' on Shipment#7 is ambiguous");
		assertThat(problem.getProperties()).containsExactly(entry("transition", "reset"));
		assertThat(new WorkflowApiExceptionHandler().problem(new IllegalStateException("a bug"))).isNull();
	}

	@Test
	void ifMatchNamesAVersionOrAny() {
		assertThat(IfMatch.version("\"3\"", CLAIM, "7", true, false)).isEqualTo("3");
		assertThat(IfMatch.version("W/\"3\"", CLAIM, "7", true, false)).isEqualTo("3");
		assertThat(IfMatch.version(" 3 ", CLAIM, "7", true, false)).isEqualTo("3");
		assertThat(IfMatch.version("*", CLAIM, "7", true, true)).isNull();
		assertThat(IfMatch.version(null, CLAIM, "7", true, false)).isNull();
		assertThat(IfMatch.version(null, CLAIM, "7", false, true)).isNull();
	}

	@Test
	void aMissingIfMatchIs428WhenRequiredAndAVersionOfAnUnversionedEntityIs412() {
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> IfMatch.version(" ", CLAIM, "7", true, true))
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.IF_MATCH_REQUIRED));
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> IfMatch.version("\"0\"", CLAIM, "7", false, false))
			.withMessage("Claim#7 has no @Version, so no version matches If-Match \"0\"; send If-Match: * or none")
			.satisfies((ex) -> assertThat(ex.type()).isEqualTo(ProblemType.STALE_VERSION));
	}

	@Test
	void theAcceptHeaderChoosesTheDiagramFormatInItsOrder() {
		assertThat(DiagramMediaTypes.accepted(null).format()).isEqualTo(DiagramFormat.SVG);
		assertThat(DiagramMediaTypes.accepted("*/*").format()).isEqualTo(DiagramFormat.SVG);
		assertThat(DiagramMediaTypes.accepted("text/vnd.mermaid").format()).isEqualTo(DiagramFormat.MERMAID);
		assertThat(DiagramMediaTypes.accepted("text/vnd.graphviz, image/svg+xml").format())
			.isEqualTo(DiagramFormat.DOT);
		assertThat(DiagramMediaTypes.accepted("image/svg+xml, text/vnd.mermaid").format()).isEqualTo(DiagramFormat.SVG);
		assertThat(DiagramMediaTypes.accepted("text/*").format()).isEqualTo(DiagramFormat.MERMAID);
	}

	@Test
	void argumentsAreReadByNameAndConvertedToTheParameterTypes() {
		TransitionRoute assess = route(TransitionParameter.of("amount", BigDecimal.class, BigDecimal.class),
				TransitionParameter.of("due", LocalDate.class, LocalDate.class),
				TransitionParameter.of("urgent", boolean.class, boolean.class));
		Object[] arguments = binder().bind(assess,
				json("{\"urgent\": true, \"amount\": 0.10000000000000000001, \"due\": \"2027-01-31\"}"));
		assertThat(arguments).containsExactly(new BigDecimal("0.10000000000000000001"), LocalDate.of(2027, 1, 31),
				true);
	}

	@Test
	void nullIsAcceptedOnlyWhereTheParameterIsNullable() {
		TransitionRoute route = route(TransitionParameter.of("note", String.class, String.class),
				TransitionParameter.of("count", int.class, int.class));
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> binder().bind(route, json("{\"note\": null, \"count\": null}")))
			.withMessage("Argument 'count' of transition 'assess' may not be null: its type is int");
		assertThat(binder().bind(route, json("{\"note\": null, \"count\": 2}"))).containsExactly(null, 2);
	}

	@Test
	void optionalArgumentsMayBeLeftOutWhereverTheyAreAndTakeTheirDefaults() {
		TransitionRoute route = route(new TransitionParameter("reason", String.class, String.class, true, false),
				new TransitionParameter("notify", boolean.class, boolean.class, true, false),
				TransitionParameter.of("pages", int.class, int.class));
		ArgumentBinder binder = binder();
		assertThat(binder.bind(route, json("{\"pages\": 3}"))).containsExactly(Transitions.DEFAULT, Transitions.DEFAULT,
				3);
		assertThat(binder.bind(route, json("{\"notify\": true, \"pages\": 3}"))).containsExactly(Transitions.DEFAULT,
				true, 3);
		assertThat(binder.bind(route, json("{\"reason\": \"late\", \"pages\": 3}"))).containsExactly("late",
				Transitions.DEFAULT, 3);
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> binder.bind(route, json("{\"notify\": true}")))
			.withMessage("Argument 'pages' of transition 'assess' is missing; transition 'assess' takes (String reason,"
					+ " boolean notify, int pages)");
	}

	@Test
	void messagesNameTypesAsTheDeclaringCodeWritesThem() {
		TransitionRoute route = route(new TransitionParameter("copies", int.class, int.class, true, false, "Int"),
				new TransitionParameter("tags", List.class, List.class, false, false, "List<String>"));
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> binder().bind(route, json("{\"copies\": \"many\", \"tags\": []}")))
			.withMessage("Argument 'copies' of transition 'assess' is not a Int: many");
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> binder().bind(route, json("{\"copies\": null, \"tags\": []}")))
			.withMessage("Argument 'copies' of transition 'assess' may not be null: its type is Int");
		assertThatExceptionOfType(WorkflowApiException.class)
			.isThrownBy(() -> binder().bind(route, json("{\"pages\": 1}")))
			.withMessage("Argument 'pages' of transition 'assess' is no argument of transition 'assess', which takes"
					+ " (Int copies, List<String> tags)");
	}

	@Test
	void theSchemaDescribesEachParameterForAForm() {
		TransitionRoute route = route(TransitionParameter.of("id", UUID.class, UUID.class),
				new TransitionParameter("level", Level.class, Level.class, true, false));
		assertThat(ArgumentBinder.schema(route)).isEqualTo(Map.of("type", "object", "properties",
				Map.of("id", Map.of("type", "string", "format", "uuid"), "level",
						Map.of("type", "string", "enum", List.of("LOW", "HIGH"))),
				"required", List.of("id"), "additionalProperties", false));
	}

	@Test
	void aTransitionTheUserMayFireStartsFromTheEntitysPropertiesNamedLikeItsParameters() {
		TransitionRoute edit = route(TransitionParameter.of("title", String.class, String.class),
				TransitionParameter.of("pages", int.class, int.class),
				TransitionParameter.of("note", String.class, String.class));
		WorkflowViews views = new WorkflowViews(new WorkflowCatalog(null, ApiExposure.ALL), new RefusalMessages(false));
		Map<String, Object> allowed = views.entity(CLAIM, new Paper("On workflows", 12), Map.of("id", "7"),
				List.of(new TransitionOption(edit, TransitionOption.Status.ALLOWED, List.of())));
		assertThat(allowed).extractingByKey("transitions")
			.asInstanceOf(LIST)
			.singleElement()
			.asInstanceOf(MAP)
			.containsEntry("defaults", Map.of("title", "On workflows", "pages", 12));
		Map<String, Object> denied = views.entity(CLAIM, new Paper("Secret", 1), Map.of("id", "7"),
				List.of(new TransitionOption(edit, TransitionOption.Status.DENIED, List.of("hasRole('EDITOR')"))));
		assertThat(denied).extractingByKey("transitions")
			.asInstanceOf(LIST)
			.singleElement()
			.asInstanceOf(MAP)
			.doesNotContainKey("defaults");
	}

	@Test
	void aGetterThatThrowsLeavesItsDefaultOutAndTheViewWhole() {
		TransitionRoute edit = route(TransitionParameter.of("title", String.class, String.class),
				TransitionParameter.of("pages", int.class, int.class));
		WorkflowViews views = new WorkflowViews(new WorkflowCatalog(null, ApiExposure.ALL), new RefusalMessages(false));
		Map<String, Object> view = views.entity(CLAIM, new Broken(), Map.of("id", "7"),
				List.of(new TransitionOption(edit, TransitionOption.Status.ALLOWED, List.of())));
		assertThat(view).extractingByKey("transitions")
			.asInstanceOf(LIST)
			.singleElement()
			.asInstanceOf(MAP)
			.containsEntry("defaults", Map.of("pages", 3));
	}

	@Test
	void anEntityIsLabelledByTheToStringItsClassDeclaresOnly() {
		EntityLabels labels = new EntityLabels();
		assertThat(labels.label(new Paper("On workflows", 12))).isEqualTo("'On workflows', 12 pages");
		assertThat(labels.label(new Object())).isNull();
		assertThat(labels.label(new Paper("x".repeat(300), 1))).hasSize(200).endsWith("…");
	}

	@Test
	void aToStringThatReturnsNullOrThrowsGivesAnEmptyLabel() {
		EntityLabels labels = new EntityLabels();
		assertThat(labels.label(new Paper(null, 1) {

			@Override
			public String toString() {
				return null;
			}

		})).isEmpty();
		assertThat(labels.label(new Broken())).isEmpty();
		assertThat(labels.label(new Broken())).isEmpty();
	}

	@Test
	void refusalsAreToldInWordsAndTheExpressionsOnlyToOperators() {
		TransitionRoute assess = route();
		RefusalMessages users = new RefusalMessages(false);
		RefusalMessages operators = new RefusalMessages(true);
		TransitionOption denied = new TransitionOption(assess, TransitionOption.Status.DENIED,
				List.of("#entity.owner == authentication.name"));
		TransitionOption failed = new TransitionOption(assess, TransitionOption.Status.CONDITIONS_FAILED,
				List.of("amount != null", "@policy.ok(#entity)"));
		TransitionOption threw = new TransitionOption(assess, TransitionOption.Status.GUARD_FAILED,
				List.of("@policy.ok(#entity): connection refused to 10.0.0.7"));
		TransitionOption needsInput = new TransitionOption(assess, TransitionOption.Status.NEEDS_INPUT,
				List.of("#amount < 100"));
		TransitionOption wrongState = new TransitionOption(assess, TransitionOption.Status.WRONG_STATE,
				List.of("FILED"));
		assertThat(users.reasons(denied)).containsExactly("You may not fire this transition.");
		assertThat(users.reasons(failed)).containsExactly("Not possible now: its conditions are not met.");
		assertThat(users.reasons(threw)).containsExactly("It could not be checked now; the server's log says why.");
		assertThat(users.reasons(needsInput)).containsExactly("Whether it is possible depends on the values you give.");
		assertThat(users.reasons(wrongState)).containsExactly("FILED");
		assertThat(users.reasons(new TransitionOption(assess, TransitionOption.Status.ALLOWED, List.of()))).isEmpty();
		assertThat(operators.reasons(denied)).containsExactly("You may not fire this transition.",
				"#entity.owner == authentication.name");
		assertThat(operators.reasons(failed)).containsExactly("Not possible now: its conditions are not met.",
				"amount != null", "@policy.ok(#entity)");
	}

	/** An entity with a property per parameter but one, and a toString of its own. */
	public static class Paper {

		private final String title;

		private final int pages;

		Paper(String title, int pages) {
			this.title = title;
			this.pages = pages;
		}

		public String getTitle() {
			return this.title;
		}

		public int getPages() {
			return this.pages;
		}

		@Override
		public String toString() {
			return "'" + this.title + "', " + this.pages + " pages";
		}

	}

	/** A {@code toString} and a getter that throw, and a getter that works. */
	public static class Broken {

		public String getTitle() {
			throw new IllegalStateException("no title loaded");
		}

		public int getPages() {
			return 3;
		}

		@Override
		public String toString() {
			throw new IllegalStateException("no title loaded");
		}

	}

	private static TransitionRoute route(TransitionParameter... parameters) {
		return new TransitionRoute("Claim.state", "assess", "Assess", "", List.of("FILED"), List.of("PAID"), null, null,
				List.of(), Map.of(), List.of(parameters));
	}

	enum Level {

		LOW, HIGH

	}

	private static ArgumentBinder binder() {
		return new ArgumentBinder(null, 64 * 1024);
	}

	private static byte[] json(String text) {
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
