package dev.fsm.examples.migration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** Takes payments; refuses an amount over its limit, as a real one refuses a card. */
@Component
public class PaymentGateway {

	static final BigDecimal LIMIT = new BigDecimal("1000");

	private final List<BigDecimal> charged = new ArrayList<>();

	public void charge(BigDecimal amount) {
		if (amount.compareTo(LIMIT) > 0) {
			throw new IllegalStateException("Declined: " + amount + " is over the limit");
		}
		this.charged.add(amount);
	}

	public List<BigDecimal> charged() {
		return this.charged;
	}

}
