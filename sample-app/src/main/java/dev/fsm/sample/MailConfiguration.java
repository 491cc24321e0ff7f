package dev.fsm.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the mail goes: with {@code spring.mail.host} set, Spring Boot's {@code JavaMailSender}
 * sends it over SMTP; without one, the in-app outbox keeps it.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnExpression("'${spring.mail.host:}'.isBlank()")
	OutboxMailSender outboxMailSender() {
		return new OutboxMailSender();
	}

}
