package dev.fsm.jpa;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.MergeContext;
import org.hibernate.event.spi.MergeEvent;
import org.hibernate.event.spi.MergeEventListener;
import org.hibernate.event.spi.PersistContext;
import org.hibernate.event.spi.PersistEvent;
import org.hibernate.event.spi.PersistEventListener;
import org.hibernate.event.spi.PostLoadEvent;
import org.hibernate.event.spi.PostLoadEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

import dev.fsm.IllegalStateChangeException;
import dev.fsm.engine.StateWrites;
import dev.fsm.metamodel.StateTimestamp;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.metamodel.WorkflowRegistry;
import dev.fsm.refusals.Refusals;

/**
 * Enforces, when Hibernate flushes, that only transitions change a {@code @StateField}:
 * an update whose state column differs from the stored one, and an insert in a state the
 * workflow does not start in, are refused with an {@link IllegalStateChangeException}
 * unless the engine is writing exactly that value on this thread. Loading, refreshing and
 * removing entities are untouched. A transaction that can only roll back is not checked:
 * nothing it writes is kept.
 * <p>
 * JPQL and Criteria bulk updates, native SQL and a {@code StatelessSession} do not go
 * through these events and are not checked.
 */
final class StateFieldGuard implements PreInsertEventListener, PreUpdateEventListener, PostLoadEventListener,
		PersistEventListener, MergeEventListener {

	private static final ProtectedField[] NONE = {};

	private final WorkflowRegistry registry;

	private final EntityIdFormat ids;

	private final Clock clock;

	private final Map<EntityPersister, ProtectedField[]> fields = new ConcurrentHashMap<>();

	private final ClassValue<Boolean> workflowEntities = new ClassValue<>() {

		@Override
		protected Boolean computeValue(Class<?> type) {
			return !StateFieldGuard.this.registry.workflowsOf(type).isEmpty();
		}

	};

	private StateFieldGuard(WorkflowRegistry registry, EntityIdFormat ids, Clock clock) {
		this.registry = registry;
		this.ids = ids;
		this.clock = clock;
	}

	/** Adds the guard to the insert and update events of the persistence unit. */
	static StateFieldGuard register(EntityManagerFactory entityManagerFactory, WorkflowRegistry registry) {
		return register(entityManagerFactory, registry, Clock.systemUTC());
	}

	/**
	 * Adds the guard to the insert and update events of the persistence unit.
	 * @param clock sets the {@code @StateChangedAt} attribute of a new entity that has
	 * none
	 */
	static StateFieldGuard register(EntityManagerFactory entityManagerFactory, WorkflowRegistry registry, Clock clock) {
		StateFieldGuard guard = new StateFieldGuard(registry, new EntityIdFormat(entityManagerFactory.getMetamodel()),
				clock);
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		EventListenerRegistry listeners = sessionFactory.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		listeners.appendListeners(EventType.PRE_INSERT, guard);
		listeners.appendListeners(EventType.PRE_UPDATE, guard);
		listeners.appendListeners(EventType.POST_LOAD, guard);
		listeners.appendListeners(EventType.PERSIST, guard);
		listeners.appendListeners(EventType.MERGE, guard);
		return guard;
	}

	@Override
	public void onPostLoad(PostLoadEvent event) {
		track(event.getEntity(), event.getSession());
	}

	@Override
	public void onPersist(PersistEvent event) {
		track(event.getObject(), event.getSession());
	}

	@Override
	public void onPersist(PersistEvent event, PersistContext context) {
		track(event.getObject(), event.getSession());
	}

	@Override
	public void onMerge(MergeEvent event) {
		track(event.getOriginal(), event.getSession());
	}

	@Override
	public void onMerge(MergeEvent event, MergeContext context) {
		track(event.getOriginal(), event.getSession());
	}

	/**
	 * A workflow entity entered the session: flush it before the transaction commits, so
	 * that a refused state change reaches the caller as itself.
	 */
	private void track(@Nullable Object entity, SharedSessionContractImplementor session) {
		if (entity != null && this.workflowEntities.get(entity.getClass())) {
			FlushBeforeCommit.register(session);
		}
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		Object[] stored = event.getOldState();
		if (stored == null) {
			// no snapshot to compare with (a StatelessSession): documented as not checked
			return false;
		}
		Object[] state = event.getState();
		for (ProtectedField field : fieldsOf(event.getPersister(), event.getEntity())) {
			Object before = stored[field.index()];
			Object after = state[field.index()];
			if (!Objects.equals(before, after)
					&& !StateWrites.isWriting(field.workflow(), event.getEntity(), event.getId(), after)
					&& !isRollbackOnly(event.getSession())) {
				throw changed(field.workflow(), event.getId(), label(field.workflow(), event.getId()), before, after);
			}
		}
		return false;
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		Object[] state = event.getState();
		for (ProtectedField field : fieldsOf(event.getPersister(), event.getEntity())) {
			Object value = state[field.index()];
			if (!field.workflow().mayStartIn(value)
					&& !StateWrites.isWriting(field.workflow(), event.getEntity(), event.getId(), value)
					&& !isRollbackOnly(event.getSession())) {
				throw created(field.workflow(), event.getId(), label(field.workflow(), event.getId()), value);
			}
			StateTimestamp changedAt = field.workflow().stateChangedAt();
			if (changedAt != null && field.changedAtIndex() >= 0 && state[field.changedAtIndex()] == null) {
				// a new entity entered its state now: the row and the instance say so
				changedAt.touch(event.getEntity(), this.clock);
				state[field.changedAtIndex()] = changedAt.get(event.getEntity());
			}
		}
		return false;
	}

	private ProtectedField[] fieldsOf(EntityPersister persister, Object entity) {
		ProtectedField[] known = this.fields.get(persister);
		if (known != null) {
			return known;
		}
		return this.fields.computeIfAbsent(persister, (p) -> resolve(p, entity.getClass()));
	}

	private ProtectedField[] resolve(EntityPersister persister, Class<?> entityType) {
		List<WorkflowModel> workflows = this.registry.workflowsOf(entityType);
		if (workflows.isEmpty()) {
			return NONE;
		}
		List<String> properties = Arrays.asList(persister.getPropertyNames());
		List<ProtectedField> fields = new ArrayList<>();
		for (WorkflowModel workflow : workflows) {
			int index = properties.indexOf(workflow.state().field().getName());
			StateTimestamp changedAt = workflow.stateChangedAt();
			int changedAtIndex = (changedAt != null) ? properties.indexOf(changedAt.field().getName()) : -1;
			if (index >= 0) {
				fields.add(new ProtectedField(workflow, index, changedAtIndex));
			}
		}
		return fields.toArray(NONE);
	}

	/**
	 * A transaction that can only roll back is not checked: nothing it writes is kept.
	 */
	private static boolean isRollbackOnly(SharedSessionContractImplementor session) {
		return session.isTransactionInProgress() && FlushBeforeCommit.isRollbackOnly(session);
	}

	/**
	 * {@code Door#7}, the id written as the audit trail writes it; {@code Door} without
	 * an id.
	 */
	private String label(WorkflowModel workflow, @Nullable Object id) {
		return workflow.entityType().getSimpleName()
				+ ((id != null) ? "#" + this.ids.format(workflow.entityType(), id) : "");
	}

	private static IllegalStateChangeException changed(WorkflowModel workflow, @Nullable Object id, String label,
			@Nullable Object stored, @Nullable Object attempted) {
		return Refusals.changedWithoutTransition(workflow.entityType(), id, label, workflow.name(),
				workflow.state().field().getName(), text(workflow, stored), text(workflow, attempted));
	}

	private static IllegalStateChangeException created(WorkflowModel workflow, @Nullable Object id, String label,
			@Nullable Object value) {
		return Refusals.createdInAnotherState(workflow.entityType(), id, label, workflow.name(),
				workflow.state().field().getName(), workflow.initialState(), workflow.startStates(),
				text(workflow, value));
	}

	private static @Nullable String text(WorkflowModel workflow, @Nullable Object value) {
		if (value == null) {
			return null;
		}
		return workflow.state().javaType().isInstance(value) ? workflow.state().name(value) : String.valueOf(value);
	}

	/**
	 * A state field of an entity and its position in Hibernate's state arrays, and the
	 * position of its {@code @StateChangedAt} attribute ({@code -1} without one).
	 */
	private record ProtectedField(WorkflowModel workflow, int index, int changedAtIndex) {
	}

}
