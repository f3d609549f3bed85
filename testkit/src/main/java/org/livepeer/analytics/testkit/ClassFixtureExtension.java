package org.livepeer.analytics.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What every fixture of this kit does with JUnit: one instance per top-level test class (nested
 * classes share it), started before the class, injected as a parameter of the types it offers, and
 * closed with the class's store (docs/testing.md, "Real components").
 */
abstract class ClassFixtureExtension<T> implements BeforeAllCallback, ParameterResolver {

    @Override
    public final void beforeAll(ExtensionContext context) {
        fixture(context);
    }

    @Override
    public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return injects(parameter.getParameter().getType());
    }

    @Override
    public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return inject(fixture(context), parameter.getParameter().getType());
    }

    /** The fixture of the test class {@code context} belongs to, started on first use. */
    abstract T fixture(ExtensionContext context);

    /** Whether a parameter of {@code type} is this fixture (or a view of it). */
    abstract boolean injects(Class<?> type);

    /** What a parameter of {@code type} gets: the fixture itself unless a subclass says else. */
    Object inject(T fixture, Class<?> type) {
        return fixture;
    }
}
