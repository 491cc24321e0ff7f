package dev.fsm.diagram;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * An application with one workflow entity, {@link Invoice}, for the diagram tests that
 * need the whole starter. Like many applications, it seeds data with a runner of its own.
 */
@SpringBootApplication
public class DiagramTestApplication {

	@Bean
	ApplicationRunner seedInvoices(InvoiceRepository invoices) {
		return (args) -> invoices.save(new Invoice());
	}

}
