package dev.fsm.it;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.hibernate.proxy.HibernateProxy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.InfrastructureProxy;

import dev.fsm.ConcurrentTransitionException;
import dev.fsm.TransitionNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Saving inside the transition: managed, detached, unsaved entities and Hibernate
 * proxies; optimistic locking.
 */
class PersistenceTests extends WorkflowTestSupport {

	@Autowired
	TicketRepository tickets;

	@Test
	void aDetachedEntityIsMergedAndKeepsItsNewVersion() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		Long version = ticket.getVersion();
		this.transitions.on(ticket).close();
		assertThat(ticket.getVersion()).isEqualTo(version + 1);
		this.transitions.on(ticket).reopen();
		Ticket saved = this.tickets.findById(ticket.getId()).orElseThrow();
		assertThat(saved.getStatus()).isEqualTo("OPEN");
		assertThat(saved.getVersion()).isEqualTo(version + 2).isEqualTo(ticket.getVersion());
	}

	@Test
	void anUnsavedEntityIsSavedByItsFirstTransition() {
		CaseReport report = new CaseReport("New case", "author@example.com");
		this.transitions.on(report).submit();
		assertThat(report.getId()).isNotNull();
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void worksOnAHibernateProxyFromGetReferenceById() {
		CaseReport report = report(ReportState.DRAFT);
		this.transaction.executeWithoutResult((status) -> {
			CaseReport reference = this.reports.getReferenceById(report.getId());
			assertThat(reference).isInstanceOf(HibernateProxy.class);
			this.transitions.on(reference).submit();
			assertThat(reference.getState()).isEqualTo(ReportState.ADMIN_REVIEW);
			assertThat(this.transitions.fire(this.reports.getReferenceById(report.getId()), "touch")).isNull();
		});
		assertThat(this.reports.findById(report.getId()).orElseThrow().getState()).isEqualTo(ReportState.ADMIN_REVIEW);
	}

	@Test
	void aStaleEntityLosesWithAConcurrentTransitionException() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		Ticket stale = this.tickets.findById(ticket.getId()).orElseThrow();
		this.transitions.on(ticket).close();
		assertThatExceptionOfType(ConcurrentTransitionException.class)
			.isThrownBy(() -> this.transitions.on(stale).triage(true))
			.withMessage("Transition 'triage' on Ticket#" + ticket.getId() + " from state 'OPEN' lost to a"
					+ " concurrent change: the entity was modified by another transaction since it was loaded;"
					+ " reload it and try again")
			.satisfies((ex) -> {
				assertThat(ex.getEntityType()).isEqualTo(Ticket.class);
				assertThat(ex.getEntityId()).isEqualTo(ticket.getId());
				assertThat(ex.getTransition()).isEqualTo("triage");
				assertThat(ex.getCurrentState()).isEqualTo("OPEN");
			});
		assertThat(stale.getStatus()).isEqualTo("OPEN");
		assertThat(this.tickets.findById(ticket.getId()).orElseThrow().getStatus()).isEqualTo("CLOSED");
	}

	@Test
	void aViewRunsTransitionsWithTheChecksAndEverythingElseOnItsEntity() {
		Ticket ticket = this.tickets.save(new Ticket("bob"));
		Ticket view = this.transitions.on(ticket);
		assertThat(view).isInstanceOf(Ticket.class).isNotSameAs(ticket).isInstanceOf(InfrastructureProxy.class);
		assertThat(((InfrastructureProxy) view).getWrappedObject()).isSameAs(ticket);
		assertThat(view.getId()).isEqualTo(ticket.getId());
		assertThat(view.getAssignee()).isEqualTo("bob");
		assertThat(view.toString()).isEqualTo(ticket.toString());
		assertThat(view.hashCode()).isEqualTo(ticket.hashCode());
		assertThat(this.transitions.state(view)).isEqualTo("OPEN");
		assertThat(view.triage(false)).isEqualTo("DEFERRED");
		assertThat(ticket.getStatus()).isEqualTo("DEFERRED");
		assertThat(view.getStatus()).isEqualTo("DEFERRED");
		assertThatExceptionOfType(TransitionNotAllowedException.class).isThrownBy(() -> view.triage(false))
			.withMessageStartingWith(
					"Transition 'triage' is not allowed from state 'DEFERRED' on Ticket#" + ticket.getId());
		assertThat(this.transitions.on(view).getClass()).isSameAs(view.getClass());
		assertThat(((InfrastructureProxy) this.transitions.on(view)).getWrappedObject()).isSameAs(ticket);
	}

	@Test
	void onCreatesNoNewProxyClassPerCall() {
		List<Ticket> many = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			many.add(new Ticket("user" + i));
		}
		Set<Class<?>> proxyClasses = new HashSet<>();
		// the same loop twice: the first loads whatever the loop itself needs
		callOn(many, proxyClasses);
		long before = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		callOn(many, proxyClasses);
		long after = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
		assertThat(proxyClasses).singleElement()
			.satisfies((type) -> assertThat(type.getSuperclass()).isEqualTo(Ticket.class));
		assertThat(after - before).isLessThanOrEqualTo(5);
	}

	private void callOn(List<Ticket> tickets, Set<Class<?>> proxyClasses) {
		for (int i = 0; i < 10_000; i++) {
			Ticket ticket = tickets.get(i % tickets.size());
			Ticket proxy = this.transitions.on(ticket);
			proxyClasses.add(proxy.getClass());
			if (proxy.getAssignee() != ticket.getAssignee()) {
				throw new AssertionError("the proxy does not delegate to its ticket");
			}
		}
	}

}
