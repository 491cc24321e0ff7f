package dev.fsm.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.EntityRef;
import dev.fsm.PostTransitionEvent;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.TransitionRecord;
import dev.fsm.TransitionResult;
import dev.fsm.UnknownEntityException;
import dev.fsm.test.StatementLog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Firing by id, the controller's path: one transaction, one read of the row, one
 * versioned update, the audit insert, one commit; a stale expected version and an unknown
 * id refused before anything runs; every id type, also as text.
 */
class FireByIdTests extends WorkflowTestSupport {

	@Autowired
	StatementLog statements;

	@Autowired
	EmailRepository emails;

	@Autowired
	LetterRepository letters;

	@Autowired
	OrderLineRepository lines;

	@Autowired
	PartRepository parts;

	@Test
	void loadsAndFiresInOneTransactionWithOneReadOneUpdateOneInsertAndOneCommit() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		this.statements.clear();

		TransitionResult<CaseReport> result = this.transitions.fire(EntityRef.of(CaseReport.class, report.getId()),
				"submit");

		assertThat(this.statements.touching("case_report")).satisfiesExactly(
				(sql) -> assertThat(sql).startsWith("select"),
				(sql) -> assertThat(sql).startsWith("update case_report").contains("where id=? and version=?"));
		assertThat(this.statements.touching("fsm_transition_record"))
			.satisfiesExactly((sql) -> assertThat(sql).startsWith("insert into fsm_transition_record"));
		assertThat(this.statements.commits()).isEqualTo(1);
		assertThat(result.state()).isEqualTo("ADMIN_REVIEW");
		assertThat(result.version()).isEqualTo(1L);
		assertThat(result.entity().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThat(result.entity().getVersion()).isEqualTo(1L);
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	@WithMockUser(username = "staff@example.com", roles = "STAFF")
	void convertsAnIdGivenAsTextAndReturnsTheBodysValue() {
		CaseReport report = report(ReportState.ADMIN_REVIEW);
		TransitionResult<CaseReport> result = this.transitions
			.fire(EntityRef.of(CaseReport.class, report.getId().toString()), "sendBack", "missing tables");
		assertThat(result.value()).isEqualTo("Sent back: missing tables (state AUTHOR_REVIEW)");
		assertThat(result.state()).isEqualTo("AUTHOR_REVIEW");
	}

	@Test
	void theTypedFormFiresThroughAViewThatHasNoStateOfItsOwn() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		CaseReport view = this.transitions.on(EntityRef.of(CaseReport.class, report.getId()));
		view.submit();
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
		assertThatIllegalStateException().isThrownBy(view::getTitle)
			.withMessage("transitions.on(CaseReport#" + report.getId() + ") only fires transitions:"
					+ " CaseReport.getTitle() is none; load the entity to read it");
	}

	@Test
	void aStaleExpectedVersionIsRefusedBeforeAnythingRuns() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		this.transitions.on(report).touch();
		this.events.reset();
		this.statements.clear();
		assertThatExceptionOfType(ConcurrentTransitionException.class).isThrownBy(
				() -> this.transitions.fire(EntityRef.of(CaseReport.class, report.getId()).ifVersion("0"), "submit"))
			.withMessage("Transition 'submit' on CaseReport#" + report.getId() + " expected version 0, but the entity"
					+ " is at version 1: it changed since it was read; reload it and try again");
		assertThat(this.events.all).isEmpty();
		assertThat(this.statements.touching("update")).isEmpty();
		CaseReport saved = this.reports.findById(report.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo(ReportState.DRAFT);
		assertThat(saved.getVersion()).isEqualTo(1L);
		// the current version, as the text of an If-Match header, is accepted
		this.transitions.fire(EntityRef.of(CaseReport.class, report.getId()).ifVersion("1"), "submit");
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void anUnknownIdIsATypedNotFoundErrorAndATextThatIsNoIdIsABadArgument() {
		assertThatExceptionOfType(UnknownEntityException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(CaseReport.class, -1L), "submit"))
			.withMessage("CaseReport#-1 does not exist")
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo(CaseReport.class);
				assertThat(ex.getEntityId()).isEqualTo(-1L);
			});
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(CaseReport.class, "forty-two"), "submit"))
			.withMessageStartingWith("'forty-two' is not an id of CaseReport: ");
		assertThat(this.events.all).isEmpty();
	}

	@Test
	void aRefusalChangesNothingAndAnOnErrorStateIsCommitted() {
		CaseReport report = report(ReportState.LIVE);
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(CaseReport.class, report.getId()), "submit"));
		assertThat(this.reports.findById(report.getId()).orElseThrow().getVersion()).isEqualTo(report.getVersion());

		Email email = this.emails.save(new Email("alice@example.com"));
		assertThatIllegalStateException()
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Email.class, email.getId()), "deliver", true))
			.withMessage("SMTP server refused alice@example.com");
		Email saved = this.emails.findById(email.getId()).orElseThrow();
		assertThat(saved.getState()).isEqualTo("ERROR");
		assertThat(saved.getAttempts()).isZero();
		assertThat(this.transitions.history(saved)).extracting(TransitionRecord::outcome)
			.containsExactly(TransitionRecord.Outcome.FAILED);
	}

	@Test
	void worksForStringAndCompositeIdsAlsoAsText() {
		this.letters.save(new Letter("L-BY-ID", "ann@example.com"));
		this.transitions.fire(EntityRef.of(Letter.class, "L-BY-ID"), "send", false);
		assertThat(this.letters.findById("L-BY-ID").orElseThrow().getState()).isEqualTo("SENT");

		this.lines.save(new OrderLine(7, "SKU,7"));
		TransitionResult<OrderLine> shipped = this.transitions
			.fire(EntityRef.of(OrderLine.class, "orderNo=7,sku=SKU%2C7"), "ship");
		assertThat(shipped.state()).isEqualTo("SHIPPED");
		// a composite key object works too, and messages write the key as the audit trail
		// does
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(
					() -> this.transitions.fire(EntityRef.of(OrderLine.class, new OrderLine.Key(7, "SKU,7")), "ship"))
			.withMessage("Transition 'ship' is not allowed from state 'SHIPPED' on OrderLine#orderNo=7,sku=SKU%2C7"
					+ " (allowed from: OPEN)");

		this.parts.save(new Part("K", 1));
		this.transitions.fire(EntityRef.of(Part.class, "catalog=K,number=1"), "release");
		assertThat(this.transitions.history(this.parts.findById(new Part.Key("K", 1)).orElseThrow()))
			.extracting(TransitionRecord::entityId)
			.containsExactly("catalog=K,number=1");
	}

	@Test
	void anExpectedVersionOfAnUnversionedEntityCannotBeChecked() {
		this.letters.save(new Letter("L-NO-VERSION", "ann@example.com"));
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> this.transitions.fire(EntityRef.of(Letter.class, "L-NO-VERSION").ifVersion(3), "send", false))
			.withMessage("Letter has no @Version, so the version 3 expected by Letter#L-NO-VERSION (version 3)"
					+ " cannot be checked");
	}

	@Test
	void insideYourTransactionItJoinsIt() {
		CaseReport report = this.reports.save(new CaseReport("Rare case", "author@example.com"));
		this.transaction.executeWithoutResult((status) -> {
			CaseReport loaded = this.reports.findById(report.getId()).orElseThrow();
			TransitionResult<CaseReport> result = this.transitions.fire(EntityRef.of(CaseReport.class, report.getId()),
					"submit");
			assertThat(result.entity()).isSameAs(loaded);
		});
		assertThat(this.events.of(PostTransitionEvent.class)).hasSize(1);
	}

}
