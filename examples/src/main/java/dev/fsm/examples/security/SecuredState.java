package dev.fsm.examples.security;

public enum SecuredState {

	S0, S1, S2, S3

}
