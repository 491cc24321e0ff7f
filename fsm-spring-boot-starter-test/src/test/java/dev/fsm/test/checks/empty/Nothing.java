package dev.fsm.test.checks.empty;

/**
 * A class of a package without workflows.
 */
public class Nothing {

}
