package dev.fsm.spi;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;

/**
 * An optional capability of an {@link EntityStore}: row locks
 * ({@code SELECT ... FOR UPDATE}) until the transaction ends, for pessimistic transitions
 * and for entities without {@code @Version}, so that two transitions from one state
 * cannot both commit. The JPA store has it; a store without it takes no lock, loads by id
 * through its {@link EntityFinder}, and reports every state and version as unchanged.
 */
public interface EntityLocking {

	/**
	 * Loads the entity of {@code entityType} with {@code id} in the current transaction
	 * and locks its row until the transaction ends ({@code SELECT ... FOR UPDATE}), for a
	 * pessimistic transition fired by id.
	 * @param timeout how long to wait for the lock; zero: not at all ({@code NOWAIT})
	 * @return the entity, or {@code null} when there is none
	 * @throws org.springframework.dao.PessimisticLockingFailureException when the lock is
	 * not granted in time
	 */
	@Nullable Object findAndLock(Class<?> entityType, Object id, Duration timeout);

	/**
	 * For a stored entity without {@code @Version}: locks its row until the transaction
	 * ends ({@code SELECT ... FOR UPDATE}) and tells whether its stored state is still
	 * {@code expectedState}, so that two transitions from one state cannot both commit.
	 * Always {@code true} for versioned, new and non-persistent entities.
	 */
	boolean lockAndVerifyState(Object entity, Workflow workflow, @Nullable Object expectedState);

	/**
	 * For a pessimistic transition: locks the row of a stored entity until the
	 * transaction ends ({@code SELECT ... FOR UPDATE}), and tells whether it still holds
	 * {@code expectedState} and, with {@code @Version}, the entity's version. Always
	 * {@code true} for new and non-persistent entities.
	 * @param timeout how long to wait for the lock; zero: not at all ({@code NOWAIT})
	 * @throws org.springframework.dao.PessimisticLockingFailureException when the lock is
	 * not granted in time
	 */
	boolean lockAndVerify(Object entity, Workflow workflow, @Nullable Object expectedState, Duration timeout);

	/**
	 * The locking of {@code store}: the store itself when it implements this capability;
	 * otherwise one that locks nothing: it loads by id through {@link EntityFinder#of}
	 * and reports every state and version as unchanged.
	 */
	static EntityLocking of(EntityStore store) {
		if (store instanceof EntityLocking locking) {
			return locking;
		}
		return new EntityLocking() {

			@Override
			public @Nullable Object findAndLock(Class<?> entityType, Object id, Duration timeout) {
				return EntityFinder.of(store).find(entityType, id);
			}

			@Override
			public boolean lockAndVerifyState(Object entity, Workflow workflow, @Nullable Object expectedState) {
				return true;
			}

			@Override
			public boolean lockAndVerify(Object entity, Workflow workflow, @Nullable Object expectedState,
					Duration timeout) {
				return true;
			}

		};
	}

}
