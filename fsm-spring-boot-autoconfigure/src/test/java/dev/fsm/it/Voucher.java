package dev.fsm.it;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import dev.fsm.StateField;
import dev.fsm.Transition;

/**
 * The entity of the failure matrix: a transition whose body changes another field, and
 * can be made to fail at every phase by {@link VoucherFaults}.
 */
@Entity
public class Voucher {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	/** Short, so that a long note fails the flush. */
	@Column(length = 20)
	private String note = "original";

	private boolean blocked;

	@StateField(states = { "ISSUED", "REDEEMED", "VOID" })
	private String state = "ISSUED";

	protected Voucher() {
	}

	public Voucher(boolean blocked) {
		this.blocked = blocked;
	}

	@Transition(source = "ISSUED", target = "REDEEMED", conditions = "!blocked")
	public void redeem(String note, boolean fail) {
		this.note = note;
		if (fail) {
			throw new IllegalStateException("body failed");
		}
	}

	@Transition(source = "ISSUED", target = "REDEEMED", conditions = "!blocked", onError = "VOID")
	public void redeemOrVoid(String note, boolean fail) {
		redeem(note, fail);
	}

	@Transition(source = "VOID", target = "ISSUED")
	public void reissue() {
	}

	public Long getId() {
		return this.id;
	}

	public Long getVersion() {
		return this.version;
	}

	public String getNote() {
		return this.note;
	}

	public boolean isBlocked() {
		return this.blocked;
	}

	public String getState() {
		return this.state;
	}

}
