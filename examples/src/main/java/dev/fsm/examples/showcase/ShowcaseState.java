package dev.fsm.examples.showcase;

/**
 * The leaf states of the showcase: an entity is always in one of them. The original's parent
 * states {@code S0}, {@code S1}, {@code S2} and {@code S21} are groups of these
 * ({@link Machine#getState()}).
 */
public enum ShowcaseState {

	S11, S12, S211, S212

}
