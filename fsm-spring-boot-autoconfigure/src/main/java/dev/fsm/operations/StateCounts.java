package dev.fsm.operations;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.BasicValuedModelPart;
import org.hibernate.metamodel.mapping.JdbcMapping;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.persister.entity.SingleTableEntityPersister;
import org.hibernate.type.descriptor.converter.spi.BasicValueConverter;
import org.jspecify.annotations.Nullable;

import dev.fsm.Workflow;

/**
 * How many entities of a workflow are in each state, by one {@code GROUP BY} on the state
 * column in SQL: the stored values as they are, so that a value no declared state maps to
 * (a renamed enum constant, a removed state, NULL) is counted instead of failing to load.
 * Table, column and the stored form of each state come from Hibernate's mapping once per
 * workflow.
 * <p>
 * Public because the auto-configuration creates it.
 */
public final class StateCounts {

	private final EntityManagerFactory entityManagerFactory;

	private final Map<String, StoredColumn> columns = new ConcurrentHashMap<>();

	public StateCounts(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	/**
	 * Whether the states of {@code workflow} are stored in a column that can be counted:
	 * a JPA entity's basic attribute, in a table of its own or at the root of its
	 * hierarchy.
	 */
	public boolean counts(Workflow workflow) {
		return column(workflow).table() != null;
	}

	/**
	 * Counts the entities of {@code workflow} per stored state value.
	 * @throws IllegalArgumentException when the workflow cannot be counted
	 * ({@link #counts})
	 */
	public Counted count(Workflow workflow) {
		StoredColumn column = column(workflow);
		if (column.table() == null) {
			throw new IllegalArgumentException(
					"Workflow '" + workflow.name() + "' is not stored in a column of its own");
		}
		Map<String, Long> byState = new LinkedHashMap<>();
		workflow.states().forEach((state) -> byState.put(state, 0L));
		List<Undeclared> undeclared = new ArrayList<>();
		for (Object[] row : rows(column.sql())) {
			@Nullable Object stored = row[0];
			long count = ((Number) row[1]).longValue();
			String state = (stored != null) ? column.stateOf().get(text(stored)) : null;
			if (state != null) {
				byState.merge(state, count, Long::sum);
			}
			else {
				undeclared.add(new Undeclared((stored != null) ? text(stored) : null, stored instanceof Number, count));
			}
		}
		undeclared.sort(Comparator.comparing(Undeclared::value, Comparator.nullsFirst(Comparator.naturalOrder())));
		return new Counted(workflow, column.table(), column.column(), byState, undeclared, column.valueOf());
	}

	@SuppressWarnings("unchecked")
	private List<Object[]> rows(String sql) {
		EntityManager entityManager = this.entityManagerFactory.createEntityManager();
		try {
			return entityManager.createNativeQuery(sql, Object[].class).getResultList();
		}
		finally {
			entityManager.close();
		}
	}

	private StoredColumn column(Workflow workflow) {
		return this.columns.computeIfAbsent(workflow.name(), (name) -> {
			SessionFactoryImplementor sessionFactory;
			try {
				sessionFactory = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class);
			}
			catch (RuntimeException ex) {
				return StoredColumn.NONE; // another JPA provider
			}
			return StoredColumn.of(workflow, sessionFactory);
		});
	}

	/** A stored value as text: numbers without a fraction, everything else as it is. */
	static String text(Object stored) {
		if (stored instanceof Number number && !(stored instanceof Double) && !(stored instanceof Float)) {
			return new BigDecimal(number.toString()).toPlainString();
		}
		if (stored instanceof Enum<?> constant) {
			return constant.name();
		}
		return String.valueOf(stored);
	}

	/**
	 * The entities of one workflow per state.
	 *
	 * @param workflow the workflow
	 * @param table the table the state is stored in, as Hibernate writes it in SQL
	 * @param column the state column
	 * @param byState every declared state, in the workflow's order, with its count (0 for
	 * none)
	 * @param undeclared every stored value no declared state maps to, with its count
	 * @param storedValues the stored form of each declared state, as SQL literals
	 */
	public record Counted(Workflow workflow, String table, String column, Map<String, Long> byState,
			List<Undeclared> undeclared, Map<String, String> storedValues) {

		public Counted {
			byState = Collections.unmodifiableMap(new LinkedHashMap<>(byState));
			undeclared = List.copyOf(undeclared);
			storedValues = Collections.unmodifiableMap(new LinkedHashMap<>(storedValues));
		}

	}

	/**
	 * A stored value that is no declared state.
	 *
	 * @param value the value as text, {@code null} for NULL
	 * @param numeric whether the column holds numbers (SQL writes it without quotes)
	 * @param rows how many rows hold it
	 */
	public record Undeclared(@Nullable String value, boolean numeric, long rows) {

		/** The value as an SQL literal, or {@code NULL}. */
		public String literal() {
			return (this.value == null) ? "NULL" : StoredColumn.literal(this.value, this.numeric);
		}

	}

	/**
	 * Where and how one workflow's states are stored; {@code table} is {@code null} when
	 * they cannot be counted.
	 */
	private record StoredColumn(@Nullable String table, String column, String sql, Map<String, String> stateOf,
			Map<String, String> valueOf) {

		private static final StoredColumn NONE = new StoredColumn(null, "", "", Map.of(), Map.of());

		static StoredColumn of(Workflow workflow, SessionFactoryImplementor sessionFactory) {
			EntityPersister persister;
			try {
				persister = sessionFactory.getMappingMetamodel().getEntityDescriptor(workflow.entityType());
			}
			catch (RuntimeException ex) {
				return NONE; // a plain workflow object, not an entity
			}
			// a subclass sharing its hierarchy's table: the rows of the others would
			// count as NULL
			if (persister instanceof SingleTableEntityPersister && persister.getSuperMappingType() != null) {
				return NONE;
			}
			AttributeMapping attribute = persister.findAttributeMapping(workflow.field());
			BasicValuedModelPart part = (attribute != null) ? attribute.asBasicValuedModelPart() : null;
			if (part == null) {
				return NONE;
			}
			JdbcMapping jdbcMapping = part.getJdbcMapping();
			Map<String, String> stateOf = new LinkedHashMap<>();
			Map<String, String> valueOf = new LinkedHashMap<>();
			for (String state : workflow.states()) {
				Object stored = stored(workflow, state, jdbcMapping);
				stateOf.put(text(stored), state);
				valueOf.put(state, literal(text(stored), stored instanceof Number));
			}
			String table = part.getContainingTableExpression();
			String column = part.getSelectionExpression();
			return new StoredColumn(table, column,
					"select " + column + ", count(*) from " + table + " group by " + column, stateOf, valueOf);
		}

		/** The value the column holds for {@code state}. */
		@SuppressWarnings({ "unchecked", "rawtypes" })
		private static Object stored(Workflow workflow, String state, JdbcMapping jdbcMapping) {
			Object domain = domainValue(workflow.stateType(), state);
			BasicValueConverter converter = jdbcMapping.getValueConverter();
			if (converter != null) {
				Object relational = converter.toRelationalValue(domain);
				return (relational != null) ? relational : "";
			}
			if (domain instanceof Enum<?> constant) {
				return jdbcMapping.getJdbcType().isNumber() ? (Object) constant.ordinal() : constant.name();
			}
			return domain;
		}

		private static Object domainValue(Class<?> type, String state) {
			if (type.isEnum()) {
				for (Object constant : type.getEnumConstants()) {
					if (((Enum<?>) constant).name().equals(state)) {
						return constant;
					}
				}
			}
			if (type == Integer.class || type == int.class) {
				return Integer.valueOf(state);
			}
			return state;
		}

		static String literal(String value, boolean numeric) {
			return numeric ? value : "'" + value.replace("'", "''") + "'";
		}

	}

}
