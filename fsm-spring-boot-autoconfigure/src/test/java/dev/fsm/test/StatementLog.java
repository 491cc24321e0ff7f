package dev.fsm.test;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Records the SQL every statement of the application's DataSource runs, and the commits,
 * so that tests can say which statements touched a table and how many transactions
 * committed.
 */
public class StatementLog implements BeanPostProcessor {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	private final AtomicInteger commits = new AtomicInteger();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof RecordingDataSource)) {
			return new RecordingDataSource(dataSource);
		}
		return bean;
	}

	/**
	 * The statements run since the last {@link #clear()} that name {@code table}, lower
	 * case.
	 */
	public List<String> touching(String table) {
		return this.statements.stream()
			.map((sql) -> sql.toLowerCase(Locale.ROOT))
			.filter((sql) -> sql.contains(table))
			.toList();
	}

	/** The commits since the last {@link #clear()}. */
	public int commits() {
		return this.commits.get();
	}

	public void clear() {
		this.statements.clear();
		this.commits.set(0);
	}

	private final class RecordingDataSource extends DelegatingDataSource {

		RecordingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return recording(super.getConnection(), Connection.class, "prepare");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return recording(super.getConnection(username, password), Connection.class, "prepare");
		}

	}

	/**
	 * A proxy that logs the SQL passed to methods whose name starts with {@code prefix}.
	 */
	private <T> T recording(T target, Class<T> type, String prefix) {
		InvocationHandler handler = (proxy, method, arguments) -> {
			if (method.getName().startsWith(prefix) && arguments != null && arguments[0] instanceof String sql) {
				this.statements.add(sql);
			}
			if (method.getName().equals("commit") && target instanceof Connection) {
				this.commits.incrementAndGet();
			}
			Object result = invoke(target, method, arguments);
			if (result instanceof Statement statement && method.getName().equals("createStatement")) {
				return recording(statement, Statement.class, "execute");
			}
			return result;
		};
		return type.cast(Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler));
	}

	private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
		try {
			return method.invoke(target, arguments);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

}
