package dev.fsm.it;

import jakarta.validation.constraints.NotBlank;

import org.springframework.stereotype.Service;

import dev.fsm.Transition;

/** A flow bean whose transition validates the argument after the entity. */
@Service
public class ManuscriptReview {

	@Transition(source = "SUBMITTED", target = "REJECTED", permission = "hasRole('EDITOR')")
	public String reject(Manuscript manuscript, @NotBlank String reason) {
		manuscript.reject(reason);
		return "Rejected: " + reason;
	}

}
