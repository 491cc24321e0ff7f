package dev.fsm.web;

import java.security.Principal;

import org.jspecify.annotations.Nullable;

import dev.fsm.TransitionDeniedException;
import dev.fsm.TransitionOption;
import dev.fsm.TransitionRoute;
import dev.fsm.Transitions;
import dev.fsm.Workflow;
import dev.fsm.WorkflowMessages;
import dev.fsm.refusals.Refusals;
import dev.fsm.spi.ActorProvider;
import dev.fsm.spi.EntityStore;

/**
 * Refuses a user who may not fire a transition before the body of the request is read, so
 * that nobody makes the server read and parse arguments for a transition they are denied.
 * Only a permission that can be judged without the arguments is checked here; the engine
 * checks everything again, with them, when firing.
 */
final class EarlyRefusal {

	private final Transitions transitions;

	private final EntityStore store;

	private final WorkflowMessages messages;

	EarlyRefusal(Transitions transitions, EntityStore store, WorkflowMessages messages) {
		this.transitions = transitions;
		this.store = store;
		this.messages = messages;
	}

	/**
	 * Whether a permission of the transition could refuse a user: only then can
	 * {@link #check} refuse anyone, and only then is the entity read for it before the
	 * body. A transition without a permission is refused, if at all, by the engine when
	 * it fires.
	 */
	static boolean mayRefuse(Workflow workflow, String transition) {
		for (TransitionRoute route : workflow.transitions(transition)) {
			if (route.permission() != null) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @throws TransitionDeniedException when the permission refuses the user, with the
	 * message the engine would give
	 */
	void check(Workflow workflow, Object entity, String transition, @Nullable Principal user) {
		if (this.transitions.can(entity, transition)) {
			return;
		}
		for (TransitionOption option : this.transitions.options(entity)) {
			if (option.transition().workflow().equals(workflow.name()) && option.name().equals(transition)
					&& option.status() == TransitionOption.Status.DENIED) {
				throw denied(workflow, entity, transition, option.reasons().get(0), user,
						String.valueOf(this.messages.refusal(option, entity)));
			}
		}
	}

	private TransitionDeniedException denied(Workflow workflow, Object entity, String transition, String permission,
			@Nullable Principal user, String userMessage) {
		Object id = this.store.idOf(entity);
		String label = workflow.entityType().getSimpleName()
				+ ((id != null) ? "#" + this.store.formatId(workflow.entityType(), id) : " (unsaved)");
		String state = String.valueOf(this.transitions.state(entity, workflow.field()));
		String actor = (user != null) ? user.getName() : ActorProvider.ANONYMOUS;
		return Refusals.denied(workflow.entityType(), id, label, transition, state, actor, permission, userMessage);
	}

}
