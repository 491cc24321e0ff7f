package dev.fsm.sample;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The in-app outbox: the mails the application sent, each user's own (staff see all). Without
 * an outbox (mail goes over SMTP) the page says so.
 */
@Controller
class OutboxPage {

	private final ObjectProvider<OutboxMailSender> outbox;

	OutboxPage(ObjectProvider<OutboxMailSender> outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/outbox")
	String outbox(Authentication user, Model model) {
		OutboxMailSender sender = this.outbox.getIfAvailable();
		model.addAttribute("smtp", sender == null);
		model.addAttribute("mails", (sender != null) ? sender.mails()
			.stream()
			.filter((mail) -> ReportPages.isStaff(user) || mail.isFor(user.getName()))
			.toList() : List.of());
		return "outbox";
	}

}
