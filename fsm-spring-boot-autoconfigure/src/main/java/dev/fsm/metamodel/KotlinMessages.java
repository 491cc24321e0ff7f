package dev.fsm.metamodel;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.util.StringUtils;

/**
 * Start-up messages about workflows written in Kotlin, in a Kotlin developer's words:
 * what the compiler made of the code, and which compiler plugin or declaration fixes it.
 */
final class KotlinMessages {

	static final String SUSPEND_FUNCTION = "is a suspend function; a transition runs its checks, its body and"
			+ " the save in one transaction on the calling thread, and a suspend function would leave that"
			+ " transaction at its first suspension point (the rest of the body would run outside it and not be"
			+ " saved): declare it without suspend, and do the suspending work before firing the transition or"
			+ " in a @TransactionalEventListener after the commit";

	private KotlinMessages() {
	}

	/** Appended to "is final; ..." for a function of a Kotlin class. */
	static String finalFunction(Class<?> owner) {
		return " (Kotlin functions are final unless declared open or opened by a compiler plugin: "
				+ (isEntity(owner) ? "enable all-open for jakarta.persistence.Entity"
						: "the spring plugin opens" + " Spring beans, all-open the classes of the annotations you list")
				+ ")";
	}

	static String finalClass(Class<?> type, List<String> functions) {
		String names = calls(functions);
		return "Workflow entity " + type.getSimpleName() + " is a final Kotlin class, so transitions.on(entity) cannot"
				+ " proxy it to intercept its @Transition functions " + names + "; Kotlin classes and functions are"
				+ " final unless opened: "
				+ (isEntity(type) ? "enable the all-open compiler plugin for jakarta.persistence.Entity,"
						+ " jakarta.persistence.MappedSuperclass and jakarta.persistence.Embeddable (the jpa plugin"
						+ " adds constructors, it does not open classes)"
						: "enable the all-open compiler plugin for an annotation of the class")
				+ ", or declare the class and these functions open";
	}

	/**
	 * Appended to "the state field .. is null on a new ..". A class whose no-argument
	 * constructor the jpa plugin generated takes constructor parameters:
	 * {@code initial = ..} works for every such class, {@code invokeInitializers} only
	 * when no initializer reads a constructor parameter declared without val or var
	 * (kotlinc 2.2 fails on those with "No mapping for symbol: VALUE_PARAMETER").
	 */
	static String nullInitialState(Class<?> type) {
		Boolean generated = KotlinFunctions.hasGeneratedConstructor(type);
		if (Boolean.FALSE.equals(generated)) {
			return "; initialize the property (var state = ..) or declare @StateField(initial = ..)";
		}
		return ", whose no-argument constructor the Kotlin jpa (no-arg) compiler plugin generated: it skips property"
				+ " initializers; declare @StateField(initial = ..), or turn on the plugin's option invokeInitializers"
				+ " (Maven: <option>jpa:invokeInitializers=true</option>; Gradle: noArg { invokeInitializers = true })"
				+ " if no property initializer of " + type.getSimpleName() + " reads a constructor parameter declared"
				+ " without val or var (kotlinc fails on those)";
	}

	/** Appended to "the state field .. of ..". */
	static String valStateField(Field field) {
		return " is a val, and transitions change it: declare it var " + field.getName() + " = .. with a protected"
				+ " setter (protected set), so that only transitions change it";
	}

	static String dataClass(Class<?> type) {
		String name = type.getSimpleName();
		return "Workflow entity " + name + " is a Kotlin data class: its copy() makes a second " + name + " with the"
				+ " same @Id and @Version, which a save writes over the row without a transition, and equals() and"
				+ " hashCode() compare its constructor properties, which change during its life (the state with every"
				+ " transition, when it is one of them), so a " + name + " gets lost in a HashSet or as a map key,"
				+ " while JPA entities need an identity that does not change; declare it as a regular class";
	}

	static String objectFlow(String beanName, Class<?> type, List<String> functions) {
		String name = type.getSimpleName();
		return "Flow bean '" + beanName + "' (" + name + ") is a Kotlin object: an object is final, so Spring cannot"
				+ " proxy it to intercept its @Transition functions " + calls(functions) + ", and Kotlin code calls an"
				+ " object directly (" + name + "." + functions.get(0)
				+ "(..)), past any proxy, so its transitions would"
				+ " run without their checks, events and audit records; declare it a class (@Component class " + name
				+ "), which the spring compiler plugin opens, and inject it where it is used";
	}

	static String finalFlowBean(String beanName, Class<?> type, List<String> functions) {
		return "Flow bean '" + beanName + "' (" + type.getSimpleName() + ") is a final Kotlin class, so Spring cannot"
				+ " proxy it to intercept its @Transition functions " + calls(functions)
				+ "; enable the spring compiler"
				+ " plugin, which opens the classes annotated @Component, @Service and the other Spring stereotypes, or"
				+ " declare the class and these functions open";
	}

	/**
	 * @param entityType the workflow entity among the function's parameters (its
	 * receiver, for an extension function), {@code null} when none is
	 */
	static String topLevelFunction(Class<?> fileClass, String function, @Nullable Class<?> entityType) {
		String where = (entityType != null) ? "in class " + entityType.getSimpleName() + " (@Transition fun " + function
				+ "()) or in a flow bean" + " (@Service class .. { @Transition fun " + function + "("
				+ StringUtils.uncapitalize(entityType.getSimpleName()) + ": " + entityType.getSimpleName() + ") })"
				: "in the entity class or in a flow bean whose function takes the entity";
		return "@Transition function " + function + "() in " + KotlinFunctions.sourceFile(fileClass) + " is a top-level"
				+ " function: Kotlin calls it directly, where nothing can intercept it, so it would run without the"
				+ " transition's checks, events and audit record, and no workflow has it; declare it " + where;
	}

	static String noKotlinReflect(String what) {
		return what + " is written in Kotlin, and kotlin-reflect is not on the classpath: the names, default"
				+ " arguments and nullability of Kotlin transition functions are read with it, as Spring's Kotlin"
				+ " support reads them; add the dependency org.jetbrains.kotlin:kotlin-reflect";
	}

	private static String calls(List<String> functions) {
		return functions.stream().sorted().map((f) -> f + "()").collect(Collectors.joining(", "));
	}

	private static boolean isEntity(Class<?> type) {
		return MergedAnnotations.from(type).isPresent("jakarta.persistence.Entity");
	}

}
