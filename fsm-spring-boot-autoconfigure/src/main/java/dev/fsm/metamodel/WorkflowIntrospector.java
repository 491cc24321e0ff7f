package dev.fsm.metamodel;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.util.StringUtils;

import dev.fsm.StateChangedAt;
import dev.fsm.StateField;
import dev.fsm.Transition;
import dev.fsm.metamodel.KotlinFunctions.KotlinFunction;

/**
 * Reads {@link StateField} and {@link Transition} declarations from entity classes and
 * flow beans, collecting every problem instead of stopping at the first. {@link #build()}
 * compiles the result into a {@link WorkflowRegistry}.
 * <p>
 * Public because the engine builds the registry with it at start-up.
 */
public final class WorkflowIntrospector {

	private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();

	private final WorkflowCompiler compiler;

	private final Map<Class<?>, List<WorkflowDraft>> workflows = new LinkedHashMap<>();

	private final List<String> problems = new ArrayList<>();

	private final Function<Class<?>, String> entityNames;

	/**
	 * @param entityNames the name of an entity type in the audit trail and in default
	 * workflow names: the JPA entity name, or the simple class name
	 */
	public WorkflowIntrospector(GuardCompiler guards, boolean failOnUnreachableStates,
			Function<Class<?>, String> entityNames) {
		this(guards, failOnUnreachableStates, entityNames, systemPlaceholders());
	}

	/**
	 * Resolves placeholders without an application: from system properties and
	 * environment variables, else their default values ({@code ${reports.timeout:P30D}}),
	 * as in unit tests of the declarations.
	 */
	public static UnaryOperator<String> systemPlaceholders() {
		return new StandardEnvironment()::resolveRequiredPlaceholders;
	}

	/**
	 * @param entityNames the name of an entity type in the audit trail and in default
	 * workflow names: the JPA entity name, or the simple class name
	 * @param placeholders resolves the {@code ${..}} placeholders of
	 * {@code @Transition(after)}; throws {@link IllegalArgumentException} for one it
	 * cannot resolve
	 */
	public WorkflowIntrospector(GuardCompiler guards, boolean failOnUnreachableStates,
			Function<Class<?>, String> entityNames, UnaryOperator<String> placeholders) {
		this.compiler = new WorkflowCompiler(guards, failOnUnreachableStates, placeholders, this.problems);
		this.entityNames = entityNames;
	}

	/** An introspector that names entity types by their simple class name. */
	public WorkflowIntrospector(GuardCompiler guards, boolean failOnUnreachableStates) {
		this(guards, failOnUnreachableStates, Class::getSimpleName);
	}

	/**
	 * Whether {@code method} is declared, or inherits a declaration, as a
	 * {@link Transition}, stacked declarations included.
	 */
	public static boolean isTransitionMethod(Method method) {
		return TransitionDeclarations.isTransition(method);
	}

	/** Whether {@code type} is a concrete class with at least one {@link StateField}. */
	public static boolean isWorkflowEntity(Class<?> type) {
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isArray() || type.isPrimitive()) {
			return false;
		}
		return !stateFields(type).isEmpty();
	}

	/**
	 * Registers the workflows of an entity type and the transitions its methods declare.
	 * Types without {@link StateField} are ignored.
	 */
	public void addEntityType(Class<?> entityType) {
		Class<?> type = ClassUtils.getUserClass(entityType);
		if (this.workflows.containsKey(type) || !isWorkflowEntity(type)) {
			return;
		}
		List<Method> declared = TransitionDeclarations.methodsOf(type);
		if (!declared.isEmpty() && !kotlinReadable(type, "Workflow entity " + type.getSimpleName())) {
			this.workflows.put(type, List.of());
			return;
		}
		List<WorkflowDraft> drafts = new ArrayList<>();
		for (Field field : stateFields(type)) {
			WorkflowDraft draft = workflowDraft(type, field);
			if (draft != null) {
				drafts.add(draft);
			}
		}
		this.workflows.put(type, drafts);
		addStateChangedAt(type, drafts);
		if (KotlinFunctions.isDataClass(type)) {
			drafts.forEach(WorkflowDraft::markIncomplete);
			this.problems.add(KotlinMessages.dataClass(type));
			return;
		}
		List<Method> methods = withoutGeneratedOverloads(declared);
		if (Modifier.isFinal(type.getModifiers()) && !methods.isEmpty()) {
			drafts.forEach(WorkflowDraft::markIncomplete);
			if (KotlinFunctions.isKotlin(type)) {
				this.problems
					.add(KotlinMessages.finalClass(type, methods.stream().map(KotlinFunctions::name).toList()));
				return;
			}
			for (Method method : methods) {
				problem(method, "is declared on a final class; " + type.getSimpleName()
						+ " cannot be proxied by transitions.on(entity)");
			}
			return;
		}
		for (Method method : methods) {
			addTransition(type, type, drafts, method, null, -1);
		}
	}

	/**
	 * Registers the transitions a flow bean declares; each method takes the entity as a
	 * parameter.
	 */
	public void addFlowBean(String beanName, Class<?> beanType) {
		Class<?> type = ClassUtils.getUserClass(beanType);
		List<Method> declared = TransitionDeclarations.methodsOf(type);
		if (!declared.isEmpty()
				&& !kotlinReadable(type, "Flow bean '" + beanName + "' (" + type.getSimpleName() + ")")) {
			return;
		}
		if (KotlinFunctions.isFileClass(type)) {
			addTopLevelFunctions(type);
			return;
		}
		List<Method> methods = withoutGeneratedOverloads(declared);
		if (Modifier.isFinal(type.getModifiers()) && !methods.isEmpty()) {
			rejectFinalFlowBean(beanName, type, methods);
			return;
		}
		for (Method method : methods) {
			List<Integer> candidates = new ArrayList<>();
			Class<?>[] parameterTypes = method.getParameterTypes();
			for (int i = 0; i < parameterTypes.length; i++) {
				if (isWorkflowEntity(parameterTypes[i])) {
					candidates.add(i);
				}
			}
			if (candidates.isEmpty()) {
				problem(method, "has no entity parameter: a @Transition method of bean '" + beanName
						+ "' must take the entity whose @StateField it moves");
				continue;
			}
			if (candidates.size() > 1) {
				problem(method, "has several entity parameters (" + candidates.size()
						+ "); a @Transition method of a bean must take exactly one");
				continue;
			}
			int index = candidates.get(0);
			Class<?> entityType = parameterTypes[index];
			addEntityType(entityType);
			addTransition(type, entityType, this.workflows.getOrDefault(entityType, List.of()), method, beanName,
					index);
		}
	}

	/**
	 * Refuses the {@link Transition} functions of a Kotlin file: top-level functions,
	 * which Kotlin calls directly and nothing intercepts. Other classes are ignored.
	 */
	public void addTopLevelFunctions(Class<?> fileClass) {
		if (!KotlinFunctions.isFileClass(fileClass)) {
			return;
		}
		for (Method method : TransitionDeclarations.methodsOf(fileClass)) {
			Class<?> entityType = rejectedEntityOf(method);
			this.problems.add(KotlinMessages.topLevelFunction(fileClass, KotlinFunctions.name(method), entityType));
		}
	}

	/** Whether {@code type} is the class of a Kotlin file's top-level functions. */
	public static boolean isKotlinFile(Class<?> type) {
		return KotlinFunctions.isFileClass(type);
	}

	/** Records that workflows of {@code entityType} cannot be used, and why. */
	public void reject(Class<?> entityType, String reason) {
		this.problems.add("Workflow entity " + entityType.getSimpleName() + ": " + reason);
	}

	/**
	 * Compiles every registered workflow.
	 * @throws dev.fsm.WorkflowDefinitionException listing every problem found
	 */
	public WorkflowRegistry build() {
		Map<Class<?>, List<WorkflowModel>> models = new LinkedHashMap<>();
		this.workflows.forEach((type, drafts) -> models.put(type, this.compiler.compile(drafts)));
		checkUniqueNames(models);
		if (!this.problems.isEmpty()) {
			throw new dev.fsm.WorkflowDefinitionException(this.problems);
		}
		return new WorkflowRegistry(models);
	}

	/**
	 * Workflow names identify histories in the audit trail: two workflows may not share
	 * one.
	 */
	private void checkUniqueNames(Map<Class<?>, List<WorkflowModel>> models) {
		Map<String, Class<?>> seen = new LinkedHashMap<>();
		models.forEach((type, workflows) -> {
			for (WorkflowModel workflow : workflows) {
				Class<?> other = seen.putIfAbsent(workflow.name(), type);
				if (other != null && other != type) {
					this.problems
						.add("Workflow '" + workflow.name() + "' is declared by " + other.getName() + " and by "
								+ type.getName() + "; workflow names identify histories in the audit trail, so give one"
								+ " of them another name with @StateField(name = ..) or @Entity(name = ..)");
				}
			}
		});
	}

	private @Nullable WorkflowDraft workflowDraft(Class<?> type, Field field) {
		StateField annotation = field.getAnnotation(StateField.class);
		String entityName = this.entityNames.apply(type);
		String name = StringUtils.hasText(annotation.name()) ? annotation.name() : entityName + "." + field.getName();
		StateType stateType = StateType.of(field.getType());
		if (stateType == null) {
			this.problems.add("Workflow '" + name + "': @StateField " + field.getName() + " has type "
					+ field.getType().getSimpleName() + "; a state field must be an enum, String or int");
			return null;
		}
		if (Modifier.isFinal(field.getModifiers())) {
			this.problems.add("Workflow '" + name + "': the state field " + field.getName() + " of "
					+ type.getSimpleName() + (KotlinFunctions.isKotlin(type) ? KotlinMessages.valStateField(field)
							: " is final, and transitions change it; remove final"));
			return null;
		}
		StateAccessor accessor = new StateAccessor(field, stateType);
		String initial = StringUtils.hasText(annotation.initial()) ? annotation.initial()
				: initialValue(name, type, accessor);
		if (initial == null) {
			return null;
		}
		List<String> declared = new ArrayList<>(stateType.definedStates());
		if (declared.isEmpty()) {
			declared.addAll(List.of(annotation.states()));
		}
		WorkflowDraft draft = new WorkflowDraft(name, entityName, type, accessor, declared, initial,
				List.of(annotation.startStates()),
				ConcurrencyPolicy.of(annotation, "Workflow '" + name + "'", this.problems));
		draft.reads(new WorkflowDraft.ReadRules(annotation.readPermission().trim(), annotation.readFilter().trim()));
		draft.groups(StateGroups.declared("Workflow '" + name + "'", field, this.problems));
		draft.stateInfos(StateInfos.declared("Workflow '" + name + "'", field, this.problems), annotation.stuckAfter());
		return draft;
	}

	/**
	 * Gives each {@link StateChangedAt} attribute to the workflow of the state field it
	 * follows.
	 */
	private void addStateChangedAt(Class<?> type, List<WorkflowDraft> drafts) {
		List<Field> fields = new ArrayList<>();
		ReflectionUtils.doWithFields(type, fields::add, (f) -> f.isAnnotationPresent(StateChangedAt.class));
		for (Field field : fields) {
			String where = "@StateChangedAt " + type.getSimpleName() + "." + field.getName();
			StateTimestamp timestamp = StateTimestamp.of(field);
			if (timestamp == null) {
				this.problems.add(where + " has type " + field.getType().getSimpleName()
						+ "; it must be an Instant, OffsetDateTime or LocalDateTime");
				continue;
			}
			if (Modifier.isFinal(field.getModifiers()) || Modifier.isStatic(field.getModifiers())) {
				this.problems.add(where + " is " + (Modifier.isStatic(field.getModifiers()) ? "static" : "final")
						+ ", and the engine sets it on each instance; remove the modifier");
				continue;
			}
			WorkflowDraft draft = stateChangedAtDraft(type, drafts, field, where);
			if (draft == null) {
				continue;
			}
			StateTimestamp existing = draft.stateChangedAt();
			if (existing != null) {
				this.problems.add(where + ": workflow '" + draft.name() + "' already records when its state changed in "
						+ existing.field().getName() + "; declare one @StateChangedAt per state field");
				continue;
			}
			draft.stateChangedAt(timestamp);
		}
	}

	private @Nullable WorkflowDraft stateChangedAtDraft(Class<?> type, List<WorkflowDraft> drafts, Field field,
			String where) {
		String name = field.getAnnotation(StateChangedAt.class).field();
		if (StringUtils.hasText(name)) {
			for (WorkflowDraft draft : drafts) {
				if (draft.accessor().field().getName().equals(name)) {
					return draft;
				}
			}
			if (stateFields(type).stream().noneMatch((f) -> f.getName().equals(name))) {
				this.problems
					.add(where + " names field '" + name + "', which is not a @StateField of " + type.getSimpleName());
			}
			return null;
		}
		if (drafts.size() > 1) {
			List<String> names = drafts.stream().map((d) -> d.accessor().field().getName()).toList();
			this.problems.add(where + " must name its field: " + type.getSimpleName() + " has several state fields "
					+ names + "; write @StateChangedAt(field = ..)");
			return null;
		}
		// no draft: the state field itself was rejected, and reported
		return drafts.isEmpty() ? null : drafts.get(0);
	}

	private @Nullable String initialValue(String workflow, Class<?> type, StateAccessor accessor) {
		Object instance;
		try {
			instance = BeanUtils.instantiateClass(ReflectionUtils.accessibleConstructor(type));
		}
		catch (NoSuchMethodException | RuntimeException ex) {
			this.problems.add("Workflow '" + workflow + "': cannot read the initial state because "
					+ type.getSimpleName() + " has no usable no-argument constructor (" + ex.getMessage()
					+ "); declare @StateField(initial = ..)");
			return null;
		}
		String initial = accessor.getName(instance);
		if (initial == null) {
			this.problems
				.add("Workflow '" + workflow + "': the state field " + accessor.field().getName() + " is null on a new "
						+ type.getSimpleName() + (KotlinFunctions.isKotlin(type) ? KotlinMessages.nullInitialState(type)
								: "; initialize the field or declare @StateField(initial = ..)"));
		}
		return initial;
	}

	private void addTransition(Class<?> owner, Class<?> entityType, List<WorkflowDraft> drafts, Method method,
			@Nullable String beanName, int entityIndex) {
		if (KotlinFunctions.isSuspending(method)) {
			reject(drafts, method, KotlinMessages.SUSPEND_FUNCTION);
			return;
		}

		if (Modifier.isPrivate(method.getModifiers()) || Modifier.isFinal(method.getModifiers())
				|| Modifier.isStatic(method.getModifiers())) {
			reject(drafts, method,
					"is " + modifierProblem(method) + "; a @Transition method must be an overridable"
							+ " instance method so that it can be intercepted"
							+ (KotlinFunctions.isKotlin(owner) && Modifier.isFinal(method.getModifiers())
									&& !Modifier.isStatic(method.getModifiers()) ? KotlinMessages.finalFunction(owner)
											: ""));
			return;
		}
		KotlinFunction kotlin = KotlinFunctions.function(method);
		String functionName = (kotlin != null) ? kotlin.name() : method.getName();
		Transition[] declarations = TransitionDeclarations.of(method);
		String name = StringUtils.hasText(declarations[0].name()) ? declarations[0].name() : functionName;
		String field = declarations[0].field();
		for (Transition declaration : declarations) {
			String declaredName = StringUtils.hasText(declaration.name()) ? declaration.name() : functionName;
			if (!declaredName.equals(name) || !declaration.field().equals(field)) {
				reject(drafts, method, "has stacked @Transition declarations with different names or fields; one method"
						+ " is one transition of one workflow");
				return;
			}
		}
		WorkflowDraft workflow = workflowFor(entityType, drafts, field, method);
		if (workflow == null) {
			drafts.forEach(WorkflowDraft::markIncomplete);
			return;
		}
		String[] names = (kotlin != null) ? kotlin.parameterNames().toArray(new String[0])
				: this.parameterNames.getParameterNames(method);
		if (names == null || names.length != method.getParameterCount()) {
			names = new String[method.getParameterCount()];
			for (int i = 0; i < names.length; i++) {
				names[i] = "arg" + i;
			}
		}
		workflow.add(
				new TransitionDraft(name, owner, method, beanName, entityIndex, names, List.of(declarations), kotlin),
				this.problems);
	}

	private @Nullable WorkflowDraft workflowFor(Class<?> entityType, List<WorkflowDraft> drafts, String field,
			Method method) {
		if (StringUtils.hasText(field)) {
			for (WorkflowDraft draft : drafts) {
				if (draft.accessor().field().getName().equals(field)) {
					return draft;
				}
			}
			problem(method, "names field '" + field + "', which is not a @StateField of " + entityType.getSimpleName());
			return null;
		}
		if (drafts.size() == 1) {
			return drafts.get(0);
		}
		if (drafts.isEmpty()) {
			if (stateFields(entityType).isEmpty()) {
				problem(method, "moves " + entityType.getSimpleName() + ", which has no @StateField");
			}
			return null;
		}
		List<String> fields = drafts.stream().map((d) -> d.accessor().field().getName()).toList();
		problem(method, "must name its field: " + entityType.getSimpleName() + " has several state fields " + fields);
		return null;
	}

	private void problem(Method method, String message) {
		this.problems.add("@Transition method " + method.getDeclaringClass().getSimpleName() + "."
				+ KotlinFunctions.name(method) + "() " + message);
	}

	/**
	 * A final flow bean cannot be proxied, so its transitions would not be intercepted:
	 * one problem for the class. The pointcut leaves final classes alone, so this is what
	 * the start-up says instead of a proxy failure.
	 */
	private void rejectFinalFlowBean(String beanName, Class<?> type, List<Method> methods) {
		List<String> names = methods.stream().map(KotlinFunctions::name).sorted().toList();
		methods.forEach(this::rejectedEntityOf);
		if (KotlinFunctions.isObject(type)) {
			this.problems.add(KotlinMessages.objectFlow(beanName, type, names));
		}
		else if (KotlinFunctions.isKotlin(type)) {
			this.problems.add(KotlinMessages.finalFlowBean(beanName, type, names));
		}
		else {
			this.problems.add("Flow bean '" + beanName + "' (" + type.getSimpleName() + ") is a final class, so Spring"
					+ " cannot proxy it to intercept its @Transition methods "
					+ names.stream().map((n) -> n + "()").collect(Collectors.joining(", ")) + "; remove final");
		}
	}

	/**
	 * The workflow entity that a rejected method takes, if any, registered with its
	 * workflows incomplete: without the method, checking them as a whole would only add
	 * noise.
	 */
	private @Nullable Class<?> rejectedEntityOf(Method method) {
		for (Class<?> parameterType : method.getParameterTypes()) {
			if (isWorkflowEntity(parameterType)) {
				addEntityType(parameterType);
				this.workflows.getOrDefault(parameterType, List.of()).forEach(WorkflowDraft::markIncomplete);
				return parameterType;
			}
		}
		return null;
	}

	/**
	 * A rejected transition leaves its workflows incomplete: checking them as a whole
	 * would only add noise.
	 */
	private void reject(List<WorkflowDraft> drafts, Method method, String message) {
		problem(method, message);
		drafts.forEach(WorkflowDraft::markIncomplete);
	}

	/**
	 * Transition methods without the overloads {@code @JvmOverloads} generates for Java
	 * callers: they call the function itself, which is the transition.
	 */
	private static List<Method> withoutGeneratedOverloads(List<Method> methods) {
		List<Method> result = new ArrayList<>(methods);
		result.removeIf(KotlinFunctions::isGeneratedOverload);
		return result;
	}

	/**
	 * Whether the Kotlin facts of a type can be read: always for Java, with
	 * kotlin-reflect for Kotlin.
	 */
	private boolean kotlinReadable(Class<?> type, String what) {
		if (KotlinFunctions.isKotlin(type) && !KotlinFunctions.canReflect(type)) {
			this.problems.add(KotlinMessages.noKotlinReflect(what));
			return false;
		}
		return true;
	}

	private static String modifierProblem(Method method) {
		int modifiers = method.getModifiers();
		return Modifier.isPrivate(modifiers) ? "private" : Modifier.isStatic(modifiers) ? "static" : "final";
	}

	/** The {@link StateField} fields of a type and its superclasses, subclass first. */
	static List<Field> stateFields(Class<?> type) {
		List<Field> fields = new ArrayList<>();
		ReflectionUtils.doWithFields(type, fields::add, (f) -> f.isAnnotationPresent(StateField.class));
		return fields;
	}

}
