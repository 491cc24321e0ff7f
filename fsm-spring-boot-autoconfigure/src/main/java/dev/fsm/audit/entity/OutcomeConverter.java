package dev.fsm.audit.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import dev.fsm.TransitionRecord.Outcome;

/**
 * Stores the outcome as its name in a plain character column, on every database
 * (Hibernate would otherwise use a native enum type on H2 and MariaDB, which the scripts
 * would have to repeat).
 */
@Converter
class OutcomeConverter implements AttributeConverter<Outcome, String> {

	@Override
	public String convertToDatabaseColumn(Outcome outcome) {
		return outcome.name();
	}

	@Override
	public Outcome convertToEntityAttribute(String value) {
		return Outcome.valueOf(value);
	}

}
