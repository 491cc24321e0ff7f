package dev.fsm.observation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;

import dev.fsm.Condition;
import dev.fsm.StateField;
import dev.fsm.Transition;

@Entity
@Condition(name = "identityVerified", value = "#entity.verified", message = "The payer's identity is not verified")
public class Payment {

	@Id
	@GeneratedValue
	private Long id;

	@Version
	private Long version;

	private boolean verified;

	@StateField
	@Enumerated(EnumType.STRING)
	private PaymentState state = PaymentState.NEW;

	protected Payment() {
	}

	public Payment(boolean verified) {
		this.verified = verified;
	}

	@Transition(source = "NEW", target = "AUTHORIZED", conditions = "identityVerified")
	public void authorize() {
	}

	@Transition(source = "AUTHORIZED", target = "CAPTURED", permission = "hasRole('CASHIER')")
	public void capture() {
	}

	@Transition(source = "AUTHORIZED", target = "CAPTURED", name = "captureViaGateway")
	public void captureViaGateway() {
		throw new IllegalStateException("The payment gateway is down");
	}

	@Transition(source = "NEW", target = "VOIDED")
	public void decline(@NotBlank String reason) {
	}

	@Transition(source = "*", target = "VOIDED")
	public void cancel() {
	}

	public Long getId() {
		return this.id;
	}

	public boolean isVerified() {
		return this.verified;
	}

	public PaymentState getState() {
		return this.state;
	}

}
