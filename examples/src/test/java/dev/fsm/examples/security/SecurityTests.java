package dev.fsm.examples.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;

import dev.fsm.EntityRef;
import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.assertThat;
import static dev.fsm.test.WorkflowAssertions.assertThatEntity;
import static dev.fsm.test.WorkflowAssertions.history;
import static dev.fsm.test.WorkflowAssertions.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The behaviour of Spring Statemachine's {@code security} sample, which has no tests of its own,
 * as its reference guide describes it: events need the role USER, the transition from S2 to S3
 * and the internal transition of S1 need ADMIN, and the action of S0's internal transition runs
 * for an admin only. Then what the original could not show: who did what in the audit trail,
 * what each user may fire now, and the same rules over HTTP.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SecurityTests {

	static final Authentication USER = user("user", "USER");

	static final Authentication ADMIN = user("admin", "USER", "ADMIN");

	static final Authentication NOBODY = user("nobody");

	@Autowired
	Transitions transitions;

	@Autowired
	SecuredMachineRepository machines;

	@Autowired
	MockMvc mvc;

	private Long id;

	@BeforeEach
	void start() {
		this.id = this.machines.save(new SecuredMachine()).getId();
	}

	@Test
	void aUserGoesRoundTheCycleOfS0S1AndS2() {
		send(USER, "a");
		assertThatEntity(machine()).isIn(SecuredState.S1);
		send(USER, "b");
		assertThatEntity(machine()).isIn(SecuredState.S2);
		send(USER, "c");
		assertThatEntity(machine()).isIn(SecuredState.S0);
	}

	@Test
	void onlyAnAdminGoesFromS2ToS3() {
		send(USER, "a");
		send(USER, "b");
		assertThatExceptionOfType(TransitionDeniedException.class).isThrownBy(() -> send(USER, "e"));
		assertThatEntity(machine()).isIn(SecuredState.S2);
		send(ADMIN, "e");
		assertThatEntity(machine()).isIn(SecuredState.S3);
		send(USER, "c");
		assertThatEntity(machine()).isIn(SecuredState.S0);
	}

	@Test
	void onlyAnAdminFiresTheInternalTransitionOfS1() {
		send(USER, "a");
		assertThatExceptionOfType(TransitionDeniedException.class).isThrownBy(() -> send(USER, "f"));
		assertThat(machine().getTransitionActions()).isZero();
		send(ADMIN, "f");
		assertThatEntity(machine()).isIn(SecuredState.S1);
		assertThat(machine().getTransitionActions()).isOne();
	}

	@Test
	void anyUserFiresTheInternalTransitionOfS0ButOnlyForAnAdminDoesItsActionRun() {
		long version = machine().getVersion();
		assertThatExceptionOfType(AccessDeniedException.class).isThrownBy(() -> send(USER, "d"));
		assertThat(machine().getAdminActions()).isZero();
		assertThat(machine().getVersion()).isEqualTo(version);
		send(ADMIN, "d");
		assertThatEntity(machine()).isIn(SecuredState.S0);
		assertThat(machine().getAdminActions()).isOne();
	}

	@Test
	void withoutTheRoleUserNoEventIsAccepted() {
		assertThatExceptionOfType(TransitionDeniedException.class).isThrownBy(() -> send(NOBODY, "a"));
		assertThatExceptionOfType(TransitionDeniedException.class).isThrownBy(() -> send(NOBODY, "d"));
		assertThatEntity(machine()).isIn(SecuredState.S0);
		assertThat(history(machine())).isEmpty();
	}

	// what the original could not show

	@Test
	void theAuditTrailNamesWhoFiredEachTransition() {
		send(USER, "a");
		send(USER, "b");
		send(ADMIN, "e");
		send(USER, "c");
		assertThat(history(machine())).containsExactlyTransitions("a", "b", "e", "c")
			.containsTransitions("e")
			.byActor("admin")
			.containsTransitions("a", "b", "c")
			.byActor("user");
	}

	@Test
	void eachUserIsOfferedWhatHeMayFireNow() {
		send(USER, "a");
		send(USER, "b");
		assertThatEntity(machine()).as(USER).canFire("c").cannotFire("e").as(ADMIN).canFire("c").canFire("e");
		assertThat(this.transitions.allowed(machine(), USER)).extracting(TransitionRoute::name).containsExactly("c");
		assertThat(this.transitions.allowed(machine(), ADMIN)).extracting(TransitionRoute::name).containsExactly("c", "e");
	}

	@Test
	void overHttpTheSameRulesApply() throws Exception {
		send(USER, "a");
		send(USER, "b");
		String machine = "/api/workflows/SecuredMachine.state/" + this.id;
		this.mvc.perform(get(machine).with(authentication(USER)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.transitions[?(@.name == 'e')].status").value("DENIED"));
		this.mvc.perform(post(machine + "/transitions/e").with(authentication(USER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:denied"));
		this.mvc.perform(post(machine + "/transitions/e").with(authentication(ADMIN)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("S3"));
		this.mvc.perform(get(machine).with(anonymous())).andExpect(status().isUnauthorized());
		assertThatEntity(machine()).isIn(SecuredState.S3);
	}

	@Test
	void overHttpTheSecuredActionRefusesAUserAndChangesNothing() throws Exception {
		String machine = "/api/workflows/SecuredMachine.state/" + this.id;
		this.mvc.perform(post(machine + "/transitions/d").with(authentication(USER)).with(csrf())
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isForbidden());
		assertThat(machine().getAdminActions()).isZero();
	}

	private void send(Authentication who, String event) {
		this.transitions.runAs(who, () -> this.transitions.fire(EntityRef.of(SecuredMachine.class, this.id), event));
	}

	private SecuredMachine machine() {
		return this.machines.findById(this.id).orElseThrow();
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor authentication(Authentication who) {
		return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(who);
	}

}
