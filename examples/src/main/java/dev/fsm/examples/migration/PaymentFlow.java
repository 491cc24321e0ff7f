package dev.fsm.examples.migration;

import org.springframework.stereotype.Service;

import dev.fsm.Transition;

/** The payment transitions whose actions need other beans: on a bean, the entity a parameter. */
@Service
public class PaymentFlow {

	private final PaymentGateway gateway;

	PaymentFlow(PaymentGateway gateway) {
		this.gateway = gateway;
	}

	/**
	 * A guard, an action and an error action: the payment must have an amount; when the gateway
	 * refuses it, the payment moves to DECLINED (and stays there) and the exception reaches the
	 * caller.
	 */
	@Transition(field = "payment", source = "UNPAID", target = "PAID", conditions = "amount != null",
			onError = "DECLINED")
	public void pay(Fulfilment fulfilment) {
		this.gateway.charge(fulfilment.getAmount());
	}

}
