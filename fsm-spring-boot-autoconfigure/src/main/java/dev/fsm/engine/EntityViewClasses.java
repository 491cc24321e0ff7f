package dev.fsm.engine;

/**
 * The classes of the {@code transitions.on(entity)} views, generated ahead of time: the
 * AOT processing of an application generates the view class of each workflow entity with
 * the class generator the run time uses, which writes it to the generated classes; a
 * native image, which cannot generate classes, then loads it by name.
 * <p>
 * Public because the AOT processor ({@code dev.fsm.aot}) calls it at build time.
 */
public final class EntityViewClasses {

	private EntityViewClasses() {
	}

	/**
	 * Generates (or, when it exists, loads) the view class of a workflow entity type.
	 * @param entityType a concrete class with at least one {@code @StateField}
	 * @return the view class, a subclass of {@code entityType}
	 */
	public static Class<?> generate(Class<?> entityType) {
		return EntityViews.viewClass(entityType);
	}

}
