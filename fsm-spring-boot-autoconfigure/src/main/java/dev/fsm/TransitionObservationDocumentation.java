package dev.fsm;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The {@code fsm.transition} observation and its key names.
 *
 * @since 0.1.0
 */
public enum TransitionObservationDocumentation implements ObservationDocumentation {

	/** One attempt to fire a transition, whatever its outcome. */
	TRANSITION {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultTransitionObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Key values with a small, bounded set of values: safe as metric tags. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The workflow name, e.g. {@code CaseReport.state}. */
		WORKFLOW {
			@Override
			public String asString() {
				return "workflow";
			}
		},

		/** The transition name. */
		TRANSITION {
			@Override
			public String asString() {
				return "transition";
			}
		},

		/** The state the entity was in; {@code unknown} when it was not read. */
		SOURCE {
			@Override
			public String asString() {
				return "source";
			}
		},

		/**
		 * The target state; {@code unknown} when the attempt ended before it was known.
		 */
		TARGET {
			@Override
			public String asString() {
				return "target";
			}
		},

		/**
		 * How the attempt ended: {@code completed}, {@code not_allowed}, {@code denied},
		 * {@code condition_failed}, {@code invalid_arguments}, {@code conflict} or
		 * {@code error}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/**
		 * The names of the conditions that refused the attempt, comma-separated (a
		 * {@link Condition}'s name, else its expression); {@code none} otherwise.
		 * @since 0.5.0
		 */
		CONDITION {
			@Override
			public String asString() {
				return "condition";
			}
		}

	}

	/** Key values with unbounded values: span attributes only, never metric tags. */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The entity's id; {@code none} for a new entity. */
		ENTITY_ID {
			@Override
			public String asString() {
				return "entity.id";
			}
		},

		/** Who fired the transition. */
		ACTOR {
			@Override
			public String asString() {
				return "actor";
			}
		}

	}

}
