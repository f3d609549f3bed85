package org.livepeer.analytics.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;

/** Locates the store of the outermost test class, so nested classes share its servers. */
final class ClassScope {
    private ClassScope() {}

    static ExtensionContext.Store store(ExtensionContext context, ExtensionContext.Namespace ns) {
        return topLevelClass(context).getStore(ns);
    }

    static ExtensionContext topLevelClass(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getParent().isPresent() && current.getParent().get() != current.getRoot()) {
            current = current.getParent().get();
        }
        return current;
    }
}
