package dev.fsm.it;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import dev.fsm.ArgumentViolation;
import dev.fsm.EntityRef;
import dev.fsm.InvalidTransitionArgumentsException;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.metamodel.TransitionModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.spi.ArgumentValidator;
import dev.fsm.validation.BeanValidations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bean Validation constraints on transition parameters, enforced by the engine on every
 * way of firing: typed, by name, by id, flow beans. A violation is refused after the
 * checks and before any event, state change or body, and names the entity, the transition
 * and every argument.
 */
class ArgumentValidationTests extends WorkflowTestSupport {

	@Autowired
	ManuscriptRepository manuscripts;

	@Autowired
	ManuscriptReview review;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Validator validator;

	@Autowired
	WorkflowRegistry registry;

	@Test
	@WithMockUser(username = "amy", roles = "AUTHOR")
	void aTypedCallWithInvalidArgumentsIsRefusedNamingEachAndChangesNothing() {
		Manuscript manuscript = draft();
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.on(manuscript).edit(" ", 0, List.of("fine", "")))
			.withMessage("Transition 'edit' on Manuscript#" + manuscript.getId() + " in state 'DRAFT' was called with"
					+ " invalid arguments: title: must not be blank; pages: must be greater than or equal to 1;"
					+ " keywords[1]: must not be blank")
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo(Manuscript.class);
				assertThat(ex.getEntityId()).isEqualTo(manuscript.getId());
				assertThat(ex.getTransition()).isEqualTo("edit");
				assertThat(ex.getCurrentState()).isEqualTo("DRAFT");
				assertThat(ex.getViolations()).containsExactly(
						new ArgumentViolation("title", "must not be blank", "NotBlank"),
						new ArgumentViolation("pages", "must be greater than or equal to 1", "Min"),
						new ArgumentViolation("keywords[1]", "must not be blank", "NotBlank"));
			});
		assertThat(manuscript.getTitle()).isEqualTo("Working title");
		assertUnchanged(manuscript);
	}

	@Test
	@WithMockUser(username = "amy", roles = "AUTHOR")
	void firingByNameValidatesTheSameWay() {
		Manuscript manuscript = draft();
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.fire(manuscript, "edit", null, 3, List.of()))
			.satisfies((ex) -> assertThat(ex.getViolations())
				.containsExactly(new ArgumentViolation("title", "must not be blank", "NotBlank")));
		assertUnchanged(manuscript);
	}

	@Test
	@WithMockUser(username = "amy", roles = "AUTHOR")
	void firingByIdValidatesTheSameWay() {
		Manuscript manuscript = draft();
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.fire(EntityRef.of(Manuscript.class, manuscript.getId()), "edit",
					"x".repeat(21), 3, List.of()))
			.withMessage("Transition 'edit' on Manuscript#" + manuscript.getId() + " in state 'DRAFT' was called with"
					+ " invalid arguments: title: size must be between 0 and 20");
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class).isThrownBy(
				() -> this.transitions.on(EntityRef.of(Manuscript.class, manuscript.getId())).edit("", 3, List.of()));
		assertUnchanged(manuscript);
	}

	@Test
	void aCascadedArgumentIsValidatedPropertyByProperty() {
		Manuscript manuscript = draft();
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.on(manuscript).submit(new Manuscript.Cover("", "not an address")))
			.satisfies((ex) -> assertThat(ex.getViolations()).containsExactly(
					new ArgumentViolation("cover.author", "must not be blank", "NotBlank"),
					new ArgumentViolation("cover.contact", "must be a well-formed email address", "Email")));
		assertUnchanged(manuscript);
	}

	@Test
	@WithMockUser(username = "eve", roles = "EDITOR")
	void aFlowBeanValidatesItsArgumentsCalledDirectlyOrByName() {
		Manuscript manuscript = submitted();
		long version = manuscript.getVersion();
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.review.reject(manuscript, "  "))
			.withMessage("Transition 'reject' on Manuscript#" + manuscript.getId() + " in state 'SUBMITTED' was"
					+ " called with invalid arguments: reason: must not be blank");
		assertThatExceptionOfType(InvalidTransitionArgumentsException.class)
			.isThrownBy(() -> this.transitions.fire(manuscript, "reject", ""));
		Manuscript saved = this.manuscripts.findById(manuscript.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion())).containsExactly("SUBMITTED", version);
		assertThat(saved.getRejection()).isNull();
		assertThat(this.events.all).isEmpty();
		assertThat(this.review.reject(manuscript, "out of scope")).isEqualTo("Rejected: out of scope");
	}

	@Test
	@WithMockUser(username = "bob", roles = "READER")
	void theSourceStateAndThePermissionAreCheckedFirstSoARefusedUserLearnsNothingAboutHisArguments() {
		Manuscript manuscript = draft();
		assertThatExceptionOfType(TransitionDeniedException.class)
			.isThrownBy(() -> this.transitions.on(manuscript).edit("", 0, List.of()));
		Manuscript submitted = submitted();
		assertThatExceptionOfType(TransitionNotAllowedException.class)
			.isThrownBy(() -> this.transitions.fire(submitted, "edit", "", 0, List.of()));
		assertUnchanged(manuscript);
	}

	@Test
	@WithMockUser(username = "amy", roles = "AUTHOR")
	void validArgumentsAreSavedAsUsual() {
		Manuscript manuscript = draft();
		assertThat(this.transitions.on(manuscript).edit("Final title", 12, List.of("fsm")))
			.isEqualTo("Edited: Final title");
		Manuscript saved = this.manuscripts.findById(manuscript.getId()).orElseThrow();
		assertThat(List.of(saved.getTitle(), saved.getPages(), saved.getVersion())).containsExactly("Final title", 12,
				1L);
		assertThat(auditRecords(manuscript)).isEqualTo(1);
	}

	@Test
	void aTransitionWithoutConstraintsIsNeverHandedToTheValidator() {
		AtomicInteger validations = new AtomicInteger();
		ArgumentValidator arguments = BeanValidations.arguments(counting(validations), this.registry);
		Manuscript manuscript = draft();
		TransitionModel reopen = this.registry.transitionsNamed(Manuscript.class, "reopen").get(0);
		TransitionModel edit = this.registry.transitionsNamed(Manuscript.class, "edit").get(0);
		for (int i = 0; i < 1000; i++) {
			assertThat(arguments.validate(reopen.validated(), manuscript, new Object[] { null })).isEmpty();
		}
		assertThat(validations).hasValue(0);
		assertThat(arguments.validate(edit.validated(), manuscript, new Object[] { "Title", 1, List.of() })).isEmpty();
		assertThat(validations).hasValue(1);
	}

	private Manuscript draft() {
		this.events.reset();
		return this.manuscripts.save(new Manuscript("Working title"));
	}

	private Manuscript submitted() {
		Manuscript manuscript = this.manuscripts.save(new Manuscript("Working title"));
		this.transitions.forceState(manuscript, "SUBMITTED", "test setup");
		this.events.reset();
		return this.manuscripts.findById(manuscript.getId()).orElseThrow();
	}

	private void assertUnchanged(Manuscript manuscript) {
		Manuscript saved = this.manuscripts.findById(manuscript.getId()).orElseThrow();
		assertThat(List.of(saved.getState(), saved.getVersion(), saved.getTitle(), saved.getPages()))
			.containsExactly("DRAFT", 0L, "Working title", 0);
		assertThat(auditRecords(manuscript)).isZero();
		assertThat(this.events.all).isEmpty();
	}

	private int auditRecords(Manuscript manuscript) {
		Integer count = this.jdbc.queryForObject(
				"select count(*) from fsm_transition_record where entity_type =" + " 'Manuscript' and entity_id = ?",
				Integer.class, manuscript.getId().toString());
		return (count != null) ? count : 0;
	}

	/** The application's validator, counting the parameter validations it runs. */
	private Validator counting(AtomicInteger validations) {
		ExecutableValidator executables = (ExecutableValidator) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { ExecutableValidator.class }, (proxy, method, args) -> {
					if (method.getName().equals("validateParameters")) {
						validations.incrementAndGet();
					}
					return invoke(method, this.validator.forExecutables(), args);
				});
		return (Validator) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Validator.class },
				(proxy, method, args) -> method.getName().equals("forExecutables") ? executables
						: invoke(method, this.validator, args));
	}

	private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
