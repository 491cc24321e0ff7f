package dev.fsm.it;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;

import dev.fsm.StateField;
import dev.fsm.Transition;

/** An {@code @IdClass} key without {@code @Version}. */
@Entity
@IdClass(OrderLine.Key.class)
public class OrderLine {

	@Id
	private long orderNo;

	@Id
	private String sku;

	@StateField
	private String state = "OPEN";

	protected OrderLine() {
	}

	public OrderLine(long orderNo, String sku) {
		this.orderNo = orderNo;
		this.sku = sku;
	}

	@Transition(source = "OPEN", target = "SHIPPED")
	public void ship() {
	}

	public static class Key implements Serializable {

		private long orderNo;

		private String sku;

		protected Key() {
		}

		public Key(long orderNo, String sku) {
			this.orderNo = orderNo;
			this.sku = sku;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && key.orderNo == this.orderNo && key.sku.equals(this.sku);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.orderNo, this.sku);
		}

	}

}
