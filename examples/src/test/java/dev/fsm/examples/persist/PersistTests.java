package dev.fsm.examples.persist;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionNotAllowedException;
import dev.fsm.Transitions;

import static dev.fsm.test.WorkflowAssertions.assertThat;
import static dev.fsm.test.WorkflowAssertions.assertThatEntity;
import static dev.fsm.test.WorkflowAssertions.history;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The scenarios of Spring Statemachine's {@code PersistTests}, same events in and same states
 * out, then what that sample could not show: the audit trail, two changes of one order at once,
 * the open orders as a group, and the HTTP API. Each test starts from the original's four orders.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PersistTests {

	@Autowired
	Persist persist;

	@Autowired
	OrderRepository orders;

	@Autowired
	Transitions transitions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void theOrdersOfTheOriginal() {
		this.jdbc.update("delete from fsm_transition_record");
		this.jdbc.update("delete from orders");
		new ResourceDatabasePopulator(new ClassPathResource("dev/fsm/examples/persist/orders.sql"))
			.execute(this.dataSource);
	}

	// the original's scenarios

	@Test
	void aNewOrderStartsPlaced() {
		// testNotStarted and testInitialState: there is no machine to start; a new order is PLACED
		Order order = this.orders.save(new Order(5));
		assertThatEntity(order).isIn(OrderState.PLACED);
		assertThat(history(order)).isEmpty();
	}

	@Test
	void theInitialListHasAnOrderInEachState() {
		// testInitialDbList
		assertThat(this.persist.listDbEntries()).contains("PLACED")
			.isEqualTo("""
					Order [id=1, state=PLACED]
					Order [id=2, state=PROCESSING]
					Order [id=3, state=SENT]
					Order [id=4, state=DELIVERED]
					""");
	}

	@Test
	void processingOrder1() {
		// testUpdate1: event PROCESS on order 1
		this.persist.change(1, "process");
		assertThat(this.persist.listDbEntries()).contains("id=1, state=PROCESSING");
	}

	@Test
	void sendingOrder2() {
		// testUpdate2: event SEND on order 2
		this.persist.change(2, "send");
		assertThat(this.persist.listDbEntries()).contains("id=2, state=SENT");
	}

	// what the original could not show

	@Test
	void anEventTheStateDoesNotAcceptIsRefusedWithItsReasonAndChangesNothing() {
		// the original's machine ignores it silently, and its listener writes nothing
		assertThatExceptionOfType(TransitionNotAllowedException.class).isThrownBy(() -> this.persist.change(4, "process"))
			.withMessage("Transition 'process' is not allowed from state 'DELIVERED' on Order#4 (allowed from: PLACED)");
		assertThat(this.persist.listDbEntries()).contains("id=4, state=DELIVERED");
		assertThat(this.jdbc.queryForObject("select count(*) from fsm_transition_record", Integer.class)).isZero();
	}

	@Test
	void everyChangeIsInTheAuditTrailWithWhoMadeIt() {
		this.transitions.runAs("warehouse", () -> {
			this.persist.change(1, "process");
			this.persist.change(1, "send");
			return null;
		});
		this.transitions.runAs("courier", () -> {
			this.persist.change(1, "deliver");
			return null;
		});
		Order order = this.orders.findById(1).orElseThrow();
		assertThatEntity(order).isIn(OrderState.DELIVERED);
		assertThat(order.getVersion()).isEqualTo(3);
		assertThat(history(order)).containsExactlyTransitions("process", "send", "deliver")
			.containsTransitions("process", "send")
			.byActor("warehouse")
			.containsTransitions("deliver")
			.byActor("courier");
		assertThat(this.jdbc.queryForList("select source_state || '>' || target_state from fsm_transition_record"
				+ " where entity_id = '1' order by seq_no", String.class))
			.containsExactly("PLACED>PROCESSING", "PROCESSING>SENT", "SENT>DELIVERED");
	}

	@Test
	void aChangeMadeOnAStaleCopyOfAnOrderIsRefusedByItsVersion() {
		Order mine = this.orders.findById(1).orElseThrow();
		Order theirs = this.orders.findById(1).orElseThrow();
		this.transitions.on(theirs).process();

		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.on(mine).process());
		assertThat(this.persist.listDbEntries()).contains("id=1, state=PROCESSING");
		assertThat(this.orders.findById(1).orElseThrow().getVersion()).isEqualTo(1);
		assertThat(history(this.orders.findById(1).orElseThrow())).containsExactlyTransitions("process");
	}

	@Test
	void ofEightOperatorsProcessingOneOrderAtOnceExactlyOneSucceeds() throws Exception {
		int operators = 8;
		CyclicBarrier start = new CyclicBarrier(operators);
		ExecutorService pool = Executors.newFixedThreadPool(operators);
		List<Future<Boolean>> outcomes = new ArrayList<>();
		try {
			for (int i = 0; i < operators; i++) {
				Callable<Boolean> operator = () -> {
					start.await();
					try {
						this.persist.change(1, "process");
						return true;
					}
					catch (ConcurrentTransitionException | TransitionNotAllowedException lost) {
						return false;
					}
				};
				outcomes.add(pool.submit(operator));
			}
			int succeeded = 0;
			for (Future<Boolean> outcome : outcomes) {
				succeeded += outcome.get() ? 1 : 0;
			}
			assertThat(succeeded).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		Order order = this.orders.findById(1).orElseThrow();
		assertThatEntity(order).isIn(OrderState.PROCESSING);
		assertThat(order.getVersion()).isEqualTo(1);
		assertThat(history(order)).containsExactlyTransitions("process");
	}

	@Test
	void theOpenOrdersAreTheGroupOpen() {
		assertThat(this.persist.open()).extracting(Order::getId).containsExactly(1, 2, 3);
		this.persist.change(3, "deliver");
		assertThat(this.persist.open()).extracting(Order::getId).containsExactly(1, 2);
		assertThat(this.transitions.isIn(this.orders.findById(2).orElseThrow(), "OPEN")).isTrue();
		assertThat(this.transitions.isIn(this.orders.findById(3).orElseThrow(), "OPEN")).isFalse();
		assertThatEntity(this.orders.findById(1).orElseThrow()).isInGroup("OPEN");
	}

	@Test
	void isInReadsTheOrderBehindALazyProxyAndATransitionView() {
		Boolean open = new TransactionTemplate(this.transactionManager)
			.execute((status) -> this.transitions.isIn(this.orders.getReferenceById(2), "OPEN"));
		assertThat(open).isTrue();
		Order delivered = this.orders.findById(4).orElseThrow();
		assertThat(this.transitions.isIn(this.transitions.on(delivered), "OPEN")).isFalse();
		assertThat(this.transitions.isIn(this.transitions.on(delivered), "DELIVERED")).isTrue();
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.transitions.isIn(delivered, "CLOSED"))
			.withMessage("'CLOSED' is neither a state nor a state group of workflow 'Order.state' [PLACED, PROCESSING,"
					+ " SENT, DELIVERED] [OPEN]");
	}

	@Test
	void anOperatorCountsAndListsTheOpenOrdersOverHttp() throws Exception {
		this.mvc.perform(get("/api/workflows/Order.state/groups").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].group").value("OPEN"))
			.andExpect(jsonPath("$[0].count").value(3));
		this.mvc.perform(get("/api/workflows/Order.state?group=OPEN").with(user("operator").roles("OPERATOR")))
			.andExpect(jsonPath("$.totalElements").value(3))
			.andExpect(jsonPath("$.content[2].id").value("3"));
	}

	@Test
	void anOperatorListsAndChangesOrdersOverHttp() throws Exception {
		this.mvc.perform(get("/api/workflows/Order.state?state=PLACED").with(user("operator").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalElements").value(1))
			.andExpect(jsonPath("$.content[0].id").value("1"));
		this.mvc.perform(post("/api/workflows/Order.state/1/transitions/process").with(user("operator").roles("OPERATOR"))
			.with(csrf())
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isOk())
			.andExpect(header().string("ETag", "\"1\""))
			.andExpect(jsonPath("$.state").value("PROCESSING"));
		// a second operator who read version 0 too: nothing runs
		this.mvc.perform(post("/api/workflows/Order.state/1/transitions/process").with(user("operator").roles("OPERATOR"))
			.with(csrf())
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON))
			.andExpect(status().isPreconditionFailed())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:stale-version"));
		assertThat(this.persist.listDbEntries()).contains("id=1, state=PROCESSING");
	}

	@Test
	void nobodyButTheOperatorReadsOrdersOverHttp() throws Exception {
		this.mvc.perform(get("/api/workflows/Order.state/1").with(user("stranger")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:fsm:problem:unknown-entity"));
		this.mvc.perform(get("/api/workflows/Order.state/1").with(anonymous()))
			.andExpect(status().isUnauthorized());
	}

}
