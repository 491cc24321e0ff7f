package dev.fsm.test;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import dev.fsm.Transitions;

/**
 * Entry point of the workflow assertions, in the style of AssertJ's {@code Assertions}.
 * They use the {@link Transitions} of the Spring test that runs them
 * ({@code @WorkflowTest}, {@code @SpringBootTest}): <pre class="code">
 * assertThatEntity(report).isIn(ReportState.ADMIN_REVIEW)
 *     .as(user("staff@example.com", "STAFF")).canFire("sendBack").cannotFire("publish");
 * assertThatTransition(() -&gt; transitions.on(report).publish()).failsCondition("authorApproved");
 * assertThat(history(report)).containsTransitions("submit", "sendBack").byActor("staff@example.com");
 * assertThatEvents(() -&gt; transitions.on(report).submit()).containsExactly("pre submit", "post submit");
 * </pre> The entity assertion is {@code assertThatEntity}, not {@code assertThat}: an
 * {@code assertThat(Object)} would be ambiguous next to AssertJ's {@code assertThat(T)},
 * which tests import too.
 *
 * @since 0.2.0
 */
public final class WorkflowAssertions {

	private WorkflowAssertions() {
	}

	/**
	 * Assertions on the state of a workflow entity and the transitions a user may fire on
	 * it.
	 * @param entity the entity, a Hibernate proxy or a {@code transitions.on(entity)}
	 * view
	 */
	public static WorkflowEntityAssert assertThatEntity(Object entity) {
		ApplicationContext context = TestApplicationContexts.current();
		return new WorkflowEntityAssert(entity, TestApplicationContexts.transitions(),
				EntityDescriptions.describe(entity, context));
	}

	/**
	 * Runs {@code transition} (code that fires one transition) and returns assertions on
	 * how it ended.
	 */
	public static TransitionAssert assertThatTransition(ThrowingCallable transition) {
		try {
			transition.call();
			return new TransitionAssert(null);
		}
		catch (Throwable ex) {
			return new TransitionAssert(ex);
		}
	}

	/** The audit trail of {@code entity}, oldest record first. */
	public static EntityHistory history(Object entity) {
		ApplicationContext context = TestApplicationContexts.current();
		return new EntityHistory(EntityDescriptions.describe(entity, context),
				TestApplicationContexts.transitions().history(entity));
	}

	/** Assertions on the audit trail of an entity. */
	public static EntityHistoryAssert assertThat(EntityHistory history) {
		return new EntityHistoryAssert(history);
	}

	/**
	 * Runs {@code block} and returns assertions on the transition events it published on
	 * this thread ({@code PreTransitionEvent}, {@code PostTransitionEvent},
	 * {@code TransitionFailedEvent}), in order. What the block throws is caught and shown
	 * in the failure message.
	 */
	public static TransitionEventsAssert assertThatEvents(ThrowingCallable block) {
		ApplicationContext context = TestApplicationContexts.current();
		if (!context.containsBean(TransitionEventRecorder.BEAN_NAME)) {
			throw new IllegalStateException("The application context of this test records no transition events: it"
					+ " was not created by the Spring TestContext framework with fsm-spring-boot-starter-test on the"
					+ " class path");
		}
		TransitionEventRecorder.Recording recording = TransitionEventRecorder.record(block::call);
		return new TransitionEventsAssert(recording.events(), recording.thrown());
	}

	/**
	 * An authenticated user with these roles ({@code ROLE_} is added, as
	 * {@code @WithMockUser} does), for {@link WorkflowEntityAssert#as} and
	 * {@code transitions.runAs}.
	 */
	public static Authentication user(String name, String... roles) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : roles) {
			authorities.add(new SimpleGrantedAuthority(role.startsWith("ROLE_") ? role : "ROLE_" + role));
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, "password", authorities);
	}

}
