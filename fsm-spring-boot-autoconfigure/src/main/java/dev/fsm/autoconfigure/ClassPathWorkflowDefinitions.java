package dev.fsm.autoconfigure;

import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.expression.BeanFactoryResolver;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAttributes;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

import dev.fsm.Workflow;
import dev.fsm.WorkflowDefinitions;
import dev.fsm.engine.GuardEvaluationContexts;
import dev.fsm.engine.SpelGuardCompiler;
import dev.fsm.engine.WorkflowDiscovery;
import dev.fsm.metamodel.PermissionCompiler;
import dev.fsm.metamodel.WorkflowIntrospector;
import dev.fsm.metamodel.WorkflowModel;
import dev.fsm.security.SecurityConfiguration;

/**
 * Reads workflow declarations without an application context, with the compilers the
 * auto-configuration uses: SpEL guards and, with Spring Security, permissions as
 * {@code @PreAuthorize} expressions. Unreachable states are problems. Found through
 * {@code META-INF/spring.factories}.
 */
final class ClassPathWorkflowDefinitions extends WorkflowDefinitions {

	private static final String JPA_ENTITY = "jakarta.persistence.Entity";

	private static final boolean SECURITY_PRESENT = ClassUtils.isPresent(
			"org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler",
			ClassPathWorkflowDefinitions.class.getClassLoader());

	@Override
	protected boolean isWorkflowClass(Class<?> type) {
		return WorkflowIntrospector.isWorkflowEntity(type) || WorkflowDiscovery.hasTransitionMethods(type);
	}

	@Override
	protected List<Workflow> build(Collection<Class<?>> types) {
		WorkflowIntrospector introspector = new WorkflowIntrospector(guardCompiler(), true,
				ClassPathWorkflowDefinitions::entityName);
		for (Class<?> type : types) {
			if (WorkflowIntrospector.isWorkflowEntity(type)) {
				introspector.addEntityType(type);
			}
			else if (WorkflowDiscovery.hasTransitionMethods(type)) {
				introspector.addFlowBean(StringUtils.uncapitalize(type.getSimpleName()), type);
			}
		}
		return introspector.build().workflows().stream().map(WorkflowModel::view).toList();
	}

	@Override
	protected List<Class<?>> find(String basePackage) {
		ClassLoader classLoader = ClassUtils.getDefaultClassLoader();
		return WorkflowDiscovery.workflowClasses(basePackage,
				(classLoader != null) ? classLoader : ClassPathWorkflowDefinitions.class.getClassLoader());
	}

	private static SpelGuardCompiler guardCompiler() {
		GuardEvaluationContexts contexts = new GuardEvaluationContexts(
				new BeanFactoryResolver(new DefaultListableBeanFactory()));
		return new SpelGuardCompiler(contexts, SECURITY_PRESENT ? Permissions.compiler(contexts) : null);
	}

	/** The JPA entity name, as the application names workflows and audit records. */
	private static String entityName(Class<?> type) {
		AnnotationAttributes entity = AnnotatedElementUtils.getMergedAnnotationAttributes(type, JPA_ENTITY);
		String name = (entity != null) ? entity.getString("name") : null;
		return StringUtils.hasText(name) ? name : type.getSimpleName();
	}

	/** Kept apart so that Spring Security's classes load only when it is present. */
	private static final class Permissions {

		static PermissionCompiler compiler(GuardEvaluationContexts contexts) {
			return SecurityConfiguration.permissionCompiler(contexts);
		}

	}

}
