package dev.fsm.it;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.fsm.TransitionRecord;
import dev.fsm.Workflow;
import dev.fsm.it.shop.ShopOrderRepository;
import dev.fsm.it.warehouse.WarehouseOrderRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail names an entity by its JPA entity name and its id written the same way
 * every time, so that two entity types, or two composite keys, never share a history.
 */
class AuditIdentityTests extends WorkflowTestSupport {

	@Autowired
	ShopOrderRepository shopOrders;

	@Autowired
	WarehouseOrderRepository warehouseOrders;

	@Autowired
	PartRepository parts;

	@Autowired
	OrderLineRepository lines;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void twoClassesWithOneSimpleNameAreToldApartByTheirEntityNames() {
		assertThat(this.transitions.workflow(dev.fsm.it.shop.Order.class).name()).isEqualTo("ShopOrder.state");
		assertThat(this.transitions.workflow(dev.fsm.it.warehouse.Order.class).name())
			.isEqualTo("WarehouseOrder.state");
		dev.fsm.it.shop.Order sold = this.shopOrders.save(new dev.fsm.it.shop.Order());
		dev.fsm.it.warehouse.Order stocked = this.warehouseOrders.save(new dev.fsm.it.warehouse.Order());
		this.transitions.fire(sold, "pay");
		this.transitions.fire(stocked, "pick");
		assertThat(this.transitions.history(sold))
			.extracting(TransitionRecord::entityType, TransitionRecord::workflow, TransitionRecord::transition)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ShopOrder", "ShopOrder.state", "pay"));
		assertThat(this.transitions.history(stocked))
			.extracting(TransitionRecord::entityType, TransitionRecord::transition)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("WarehouseOrder", "pick"));
	}

	@Test
	void anEmbeddedIdWithoutToStringIsWrittenAsItsAttributesInNameOrder() {
		Part first = this.parts.save(new Part("A,B=C%", 7));
		Part second = this.parts.save(new Part("A,B=C%", 8));
		this.transitions.fire(first, "release");
		this.transitions.fire(second, "release");
		assertThat(this.transitions.history(first)).singleElement()
			.satisfies((record) -> assertThat(record.entityId()).isEqualTo("catalog=A%2CB%3DC%25,number=7"));
		assertThat(this.transitions.history(second)).singleElement()
			.satisfies((record) -> assertThat(record.entityId()).isEqualTo("catalog=A%2CB%3DC%25,number=8"));
	}

	@Test
	void anIdClassKeyIsWrittenTheSameWayAndLocksItsRowWithoutVersion() {
		OrderLine line = this.lines.save(new OrderLine(42, "SKU-1"));
		OrderLine stale = this.lines.findById(new OrderLine.Key(42, "SKU-1")).orElseThrow();
		this.transitions.fire(line, "ship");
		assertThat(this.transitions.history(line)).singleElement()
			.satisfies((record) -> assertThat(record.entityId()).isEqualTo("orderNo=42,sku=SKU-1"));
		assertThat(this.jdbc.queryForObject("select state from order_line where order_no = 42 and sku = 'SKU-1'",
				String.class))
			.isEqualTo("SHIPPED");
		// the stale copy still says OPEN; its row says SHIPPED
		assertThat(this.transitions.workflow(OrderLine.class)).extracting(Workflow::name).isEqualTo("OrderLine.state");
		org.assertj.core.api.Assertions.assertThatExceptionOfType(dev.fsm.ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.fire(stale, "ship"));
	}

}
