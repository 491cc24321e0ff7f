package dev.fsm.sample;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The pages around the reports: the start page, the login page with the demo users, and what
 * every page's navigation needs.
 */
@Controller
@ControllerAdvice(assignableTypes = { SitePages.class, ReportPages.class, OutboxPage.class })
class SitePages {

	private final String consolePath;

	SitePages(@Value("${fsm.console.path:/fsm}") String consolePath) {
		this.consolePath = consolePath;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/reports";
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demoUsers", DemoUsers.ALL);
		model.addAttribute("password", DemoUsers.PASSWORD);
		return "login";
	}

	@ModelAttribute
	void navigation(Authentication user, Model model) {
		if (user != null) {
			model.addAttribute("userName", user.getName());
			model.addAttribute("staff", ReportPages.isStaff(user));
			model.addAttribute("consolePath", this.consolePath);
		}
	}

}
