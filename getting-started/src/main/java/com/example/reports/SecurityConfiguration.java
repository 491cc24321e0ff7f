package com.example.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	UserDetailsService users() {                  // two people to try it with; use your own users
		return new InMemoryUserDetailsManager(
				User.withUsername("alice").password("{noop}alice").roles("AUTHOR").build(),
				User.withUsername("erin").password("{noop}erin").roles("EDITOR").build());
	}

}
