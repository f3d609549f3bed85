package org.livepeer.analytics.event.parse;

/**
 * The {@code orchestrator_info} object ({@code {address, url}}) of status, trace and stream events.
 * The address is lower-cased (docs/events.md §2.3); absent info gives nulls. Empty strings, which
 * the gateway sends before an orchestrator is chosen, are kept as they are.
 */
public record OrchestratorInfo(String address, String url) {

    private static final OrchestratorInfo NONE = new OrchestratorInfo(null, null);

    public static OrchestratorInfo optionalIn(JsonFields data) {
        JsonFields info = data.optionalObject("orchestrator_info");
        if (info == null) {
            return NONE;
        }
        return new OrchestratorInfo(info.optionalLowerText("address"), info.optionalText("url"));
    }
}
