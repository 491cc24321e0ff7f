package dev.fsm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the state attribute of an entity. Each state field is one workflow; an entity may
 * have several, and {@link Transition#field()} says which one a transition moves.
 * <p>
 * The field may be an enum (usually with {@code @Enumerated(EnumType.STRING)}), a
 * {@code String} or an {@code int}/{@code Integer}. Only transitions fired through
 * {@link Transitions} change it: with Hibernate, any other change is refused when the
 * persistence context flushes ({@link IllegalStateChangeException}).
 *
 * <pre class="code">
 * &#64;StateField
 * &#64;Enumerated(EnumType.STRING)
 * ReportState state = ReportState.DRAFT;
 * </pre>
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StateField {

	/**
	 * Name of the workflow. Defaults to {@code EntityName.fieldName}, the JPA entity name
	 * (the simple class name unless {@code @Entity(name = ..)} says otherwise) and the
	 * field name.
	 */
	String name() default "";

	/**
	 * The initial state. Defaults to the value the field has on a new instance created
	 * with the no-argument constructor.
	 */
	String initial() default "";

	/**
	 * The states of a {@code String} or {@code int} field. Optional: when empty, the
	 * states are the initial state and every state named by a transition. Enum fields use
	 * their constants and ignore this attribute.
	 */
	String[] states() default {};

	/**
	 * States, besides the initial one, in which a new entity may be persisted: for
	 * imports of entities that begin their life further along the workflow. Persisting a
	 * new entity in any other state is refused with an
	 * {@link IllegalStateChangeException}.
	 */
	String[] startStates() default {};

	/**
	 * How the transitions of this workflow guard against concurrent changes, unless one
	 * declares its own {@link Transition#lock()}; {@link Locking#DEFAULT} takes
	 * {@code fsm.locking.mode}.
	 */
	Locking lock() default Locking.DEFAULT;

	/**
	 * In pessimistic mode, how long the transitions of this workflow wait for the row
	 * lock (see {@link Transition#lockTimeout()}); empty takes
	 * {@code fsm.locking.timeout}.
	 */
	String lockTimeout() default "";

	/**
	 * How many times the transitions of this workflow are fired again after losing to a
	 * concurrent change (see {@link Transition#retries()}); {@code 0}, never, by default.
	 */
	int retries() default 0;

	/**
	 * Who may read an entity of this workflow through the HTTP API and the workflow
	 * console (the entity, its history, its diagram, its transitions): a Spring Security
	 * expression evaluated like {@link Transition#permission()}, with the entity as
	 * {@code #entity}, such as {@code "#entity.authorEmail == authentication.name"}. An
	 * entity the user may not read answers as one that does not exist. Empty takes
	 * {@code fsm.web.default-read-permission}; when that is unset too, only the users of
	 * {@code fsm.web.read-all} may read them. Your own code reads entities as it always
	 * did: this guards the library's doors only.
	 * @since 0.4.0
	 */
	String readPermission() default "";

	/**
	 * Which entities of this workflow users who do not match {@code fsm.web.read-all} see
	 * in the lists and counts of the HTTP API and the console: a JPQL condition on the
	 * entity {@code e}, with the user's values as {@code :#{..}} parameters evaluated
	 * like a permission, such as {@code "e.authorEmail = :#{authentication.name}"}. It is
	 * added to the query, so lists stay paged in the database. Say the same as
	 * {@link #readPermission()}. Empty: only the users of {@code fsm.web.read-all} may
	 * list and count them.
	 * @since 0.4.0
	 */
	String readFilter() default "";

	/**
	 * How long an entity may stay in a state of this workflow before it counts as stuck,
	 * unless the state's {@link StateInfo#stuckAfter()} says otherwise: {@code "7d"},
	 * {@code "12h"}, {@code "P2D"}, or a {@code ${..}} placeholder. Empty takes
	 * {@code fsm.stuck-after} (7 days unless set). The console marks stuck entities; the
	 * metrics count them.
	 * @since 0.5.0
	 */
	String stuckAfter() default "";

	/**
	 * The entity's attributes an operator may filter this workflow's entities by, in the
	 * HTTP API ({@code filter.<attribute>=value}) and the workflow console: basic
	 * persistent attributes, such as {@code {"authorEmail", "title"}}. Text matches when
	 * it contains the value, ignoring case; other types (numbers, enums, dates, UUIDs,
	 * booleans) when they equal it. The filters are part of the query, within the user's
	 * read filter. Empty: only by state and id. The start-up refuses a name that is no
	 * basic attribute of the entity.
	 * @since 0.5.0
	 */
	String[] searchable() default {};

}
