package org.livepeer.analytics.sse.stream;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.livepeer.analytics.sse.fanout.Routed;
import org.livepeer.analytics.sse.fanout.Routing;

/** Query-parameter filters of the two live endpoints; every given parameter must match. */
public final class Filters {

    private static final Set<String> SCOPES = Set.of("network", "orchestrator", "pipeline");

    private Filters() {}

    /**
     * {@code scope}, {@code orchestrator} (its scope's key), {@code pipeline} (its scope's key).
     *
     * @throws IllegalArgumentException for an unknown scope
     */
    public static Predicate<Routed> metrics(MultiMap params) {
        String scope = params.get("scope");
        if (scope != null && !SCOPES.contains(scope)) {
            throw new IllegalArgumentException(
                    "scope must be network, orchestrator or pipeline, got '" + scope + "'");
        }
        String orch = lower(params.get("orchestrator"));
        String pipeline = params.get("pipeline");
        return m ->
                (scope == null || scope.equals(m.field(Routing.SCOPE)))
                        && (orch == null || scoped(m, "orchestrator", orch))
                        && (pipeline == null || scoped(m, "pipeline", pipeline));
    }

    /** {@code type}, {@code stream_id}, {@code orchestrator} (address, any case). */
    public static Predicate<Routed> events(MultiMap params) {
        String type = params.get("type");
        String stream = params.get("stream_id");
        String orch = lower(params.get("orchestrator"));
        return m ->
                (type == null || type.equals(m.field(Routing.TYPE)))
                        && (stream == null || stream.equals(m.field(Routing.STREAM_ID)))
                        && (orch == null || orch.equals(m.field(Routing.ORCHESTRATOR)));
    }

    private static boolean scoped(Routed m, String scope, String key) {
        return scope.equals(m.field(Routing.SCOPE)) && key.equals(m.field(Routing.KEY));
    }

    private static String lower(String v) {
        return v == null ? null : v.toLowerCase(Locale.ROOT);
    }
}
