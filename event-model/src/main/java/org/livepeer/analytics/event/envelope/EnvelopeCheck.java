package org.livepeer.analytics.event.envelope;

/** The outcome of validating one envelope: valid, or invalid with a classified error. */
public sealed interface EnvelopeCheck {

    /** The envelope passed every rule. */
    record Valid(Envelope envelope) implements EnvelopeCheck {}

    /** The envelope broke a rule. */
    record Invalid(EnvelopeError error) implements EnvelopeCheck {}
}
