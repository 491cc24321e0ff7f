package dev.fsm.examples.migration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.fsm.Transitions;

/** Transitions of both regions in one transaction: a fork. */
@Service
public class FulfilmentService {

	private final Transitions transitions;

	private final FulfilmentRepository fulfilments;

	FulfilmentService(Transitions transitions, FulfilmentRepository fulfilments) {
		this.transitions = transitions;
		this.fulfilments = fulfilments;
	}

	/** Refunds the payment and recalls the parcel: both or, when one is refused, neither. */
	@Transactional
	public void cancel(long id) {
		Fulfilment fulfilment = this.transitions.on(this.fulfilments.findById(id).orElseThrow());
		fulfilment.refund();
		fulfilment.recall();
	}

}
