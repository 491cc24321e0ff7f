package dev.fsm.operations;

/**
 * A stand-in for the starter's command, with its signature: the goal's tests load it,
 * from the test classes, in the class loader the goal makes of the project's class path.
 */
public final class StoredStatesCommand {

	private StoredStatesCommand() {
	}

	public static String[] check(Class<?> applicationClass, String[] arguments) {
		if (arguments.length > 0 && arguments[0].equals("--drift")) {
			return new String[] { "undeclared",
					"1 row holds a state its workflow does not declare (" + applicationClass.getSimpleName()
							+ ", loaded by " + applicationClass.getClassLoader().getClass().getSimpleName() + ")" };
		}
		return new String[] { "clean", "Every stored state is a declared state (Parcel.state)" };
	}

}
