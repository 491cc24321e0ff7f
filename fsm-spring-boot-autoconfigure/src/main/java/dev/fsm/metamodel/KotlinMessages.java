package dev.fsm.metamodel;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.annotation.MergedAnnotations;

/**
 * Start-up messages about workflows written in Kotlin, in a Kotlin developer's words: what the
 * compiler made of the code, and which compiler plugin or declaration fixes it.
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
				+ (isEntity(owner) ? "enable all-open for jakarta.persistence.Entity" : "the spring plugin opens"
						+ " Spring beans, all-open the classes of the annotations you list")
				+ ")";
	}

	static String finalClass(Class<?> type, List<String> functions) {
		String names = functions.stream().map((f) -> f + "()").collect(Collectors.joining(", "));
		return "Workflow entity " + type.getSimpleName() + " is a final Kotlin class, so transitions.on(entity) cannot"
				+ " proxy it to intercept its @Transition functions " + names + "; Kotlin classes and functions are"
				+ " final unless opened: "
				+ (isEntity(type) ? "enable the all-open compiler plugin for jakarta.persistence.Entity,"
						+ " jakarta.persistence.MappedSuperclass and jakarta.persistence.Embeddable (the jpa plugin"
						+ " adds constructors, it does not open classes)"
						: "enable the all-open compiler plugin for an annotation of the class")
				+ ", or declare the class and these functions open";
	}

	/** Appended to "the state field .. is null on a new ..". */
	static String nullInitialState(Class<?> type) {
		Boolean generated = KotlinFunctions.hasGeneratedConstructor(type);
		if (Boolean.FALSE.equals(generated)) {
			return "; initialize the property (var state = ..) or declare @StateField(initial = ..)";
		}
		return ", whose no-argument constructor the Kotlin jpa (no-arg) compiler plugin generated: it skips"
				+ " property initializers unless its option invokeInitializers is on (Maven:"
				+ " <option>jpa:invokeInitializers=true</option>; Gradle: noArg { invokeInitializers = true }); turn it"
				+ " on or declare @StateField(initial = ..)";
	}

	/** Appended to "the state field .. of ..". */
	static String valStateField(Field field) {
		return " is a val, and transitions change it: declare it var " + field.getName() + " = .. with a protected"
				+ " setter (protected set), so that only transitions change it";
	}

	static String dataClass(Class<?> type) {
		String name = type.getSimpleName();
		return "Workflow entity " + name + " is a Kotlin data class: equals() and hashCode() compare its constructor"
				+ " properties, which change during its life (the state with every transition, when it is one of them),"
				+ " so a " + name + " gets lost in a HashSet or as a map key, while JPA entities need an identity that"
				+ " does not change; declare it as a regular class";
	}

	static String noKotlinReflect(String what) {
		return what + " is written in Kotlin, and kotlin-reflect is not on the classpath: the names, default"
				+ " arguments and nullability of Kotlin transition functions are read with it, as Spring's Kotlin"
				+ " support reads them; add the dependency org.jetbrains.kotlin:kotlin-reflect";
	}

	private static boolean isEntity(Class<?> type) {
		return MergedAnnotations.from(type).isPresent("jakarta.persistence.Entity");
	}

}
