package dev.fsm.web;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ProblemDetail;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * The result of one row of a bulk transition that was refused or failed: the problem the
 * {@link WorkflowApiExceptionHandler} answers the same refusal of a single transition with, so
 * that a row reads exactly as that answer would (status, type, title, detail and properties). A
 * failure no handler method knows is logged and told without its message, as the server's
 * error page would.
 */
final class RowProblems {

	private static final Log logger = LogFactory.getLog(RowProblems.class);

	private final Object handler;

	private final ExceptionHandlerMethodResolver resolver;

	RowProblems(Object handler) {
		this.handler = handler;
		this.resolver = new ExceptionHandlerMethodResolver(handler.getClass());
	}

	/** The row's {@code outcome} ({@code REFUSED} for a 4xx, {@code FAILED} otherwise) and its problem. */
	Map<String, @Nullable Object> of(String id, RuntimeException ex) {
		ProblemDetail problem = problem(ex);
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("id", id);
		row.put("outcome", (problem.getStatus() >= 400 && problem.getStatus() < 500) ? "REFUSED" : "FAILED");
		row.put("status", problem.getStatus());
		row.put("type", String.valueOf(problem.getType()));
		row.put("title", problem.getTitle());
		row.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(row::putIfAbsent);
		}
		return row;
	}

	private ProblemDetail problem(RuntimeException ex) {
		Method method = this.resolver.resolveMethod(ex);
		if (method != null) {
			ReflectionUtils.makeAccessible(method);
			Object answer = ReflectionUtils.invokeMethod(method, this.handler, arguments(method, ex));
			if (answer instanceof ProblemDetail problem) {
				return problem;
			}
		}
		logger.error("A transition of a bulk request failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ProblemType.TRANSITION_FAILED.status(),
				"The transition failed; the server's log says why. Nothing of it was saved.");
		problem.setType(ProblemType.TRANSITION_FAILED.type());
		problem.setTitle(ProblemType.TRANSITION_FAILED.title());
		return problem;
	}

	/** What a handler method takes, as Spring MVC would give it: the exception, the locale, the request. */
	private static @Nullable Object[] arguments(Method method, RuntimeException ex) {
		Class<?>[] types = method.getParameterTypes();
		@Nullable Object[] arguments = new Object[types.length];
		for (int i = 0; i < types.length; i++) {
			if (types[i].isInstance(ex)) {
				arguments[i] = ex;
			}
			else if (types[i] == Locale.class) {
				arguments[i] = LocaleContextHolder.getLocale();
			}
			else if (types[i].isAssignableFrom(HttpServletRequest.class)) {
				RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
				arguments[i] = (attributes instanceof ServletRequestAttributes servlet) ? servlet.getRequest() : null;
			}
		}
		return arguments;
	}

}
