package dev.fsm;

import org.jspecify.annotations.Nullable;

/**
 * A stored entity named by its type and id, for firing a transition by id: the
 * controller's path, where the entity is loaded and the transition fired in one
 * transaction, with one read of its row. The id may be of the entity's id type or text
 * that the application's {@code ConversionService} converts to it (a path variable); a
 * composite id as text is written as the audit trail writes it,
 * {@code orderNo=42,sku=SKU-1}.
 *
 * <pre class="code">
 * transitions.fire(EntityRef.of(CaseReport.class, id), "submit");
 * transitions.on(EntityRef.of(CaseReport.class, id).ifVersion(version)).approve();
 * </pre>
 *
 * @param type the entity class
 * @param id the id, or its text
 * @param expectedVersion the {@code @Version} the caller expects (an HTTP
 * {@code If-Match}), or {@code null} for any
 * @param <T> the entity type
 * @since 0.2.0
 */
public record EntityRef<T>(Class<T> type, Object id, @Nullable Object expectedVersion) {

	/** The entity of {@code type} with this {@code id}, whatever its version. */
	public static <T> EntityRef<T> of(Class<T> type, Object id) {
		return new EntityRef<>(type, id, null);
	}

	/**
	 * The same entity, expected at {@code version}: when its stored version differs,
	 * firing fails with a {@link ConcurrentTransitionException} before anything runs.
	 * {@code null} expects any version.
	 */
	public EntityRef<T> ifVersion(@Nullable Object version) {
		return new EntityRef<>(this.type, this.id, version);
	}

	@Override
	public String toString() {
		return this.type.getSimpleName() + "#" + this.id
				+ ((this.expectedVersion != null) ? " (version " + this.expectedVersion + ")" : "");
	}

}
