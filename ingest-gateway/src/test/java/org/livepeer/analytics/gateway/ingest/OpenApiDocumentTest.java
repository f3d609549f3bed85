package org.livepeer.analytics.gateway.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.livepeer.analytics.gateway.http.GatewayErrorCode;

class OpenApiDocumentTest {

    private static final JsonNode DOC = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(OpenApiRoute.read());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void isOpenApi3WithTheIngestOperation() {
        assertTrue(DOC.get("openapi").asText().startsWith("3."));
        assertTrue(DOC.at("/paths/~1v1~1events/post").isObject());
    }

    @Test
    void hasAnExampleOfEachBodyForm() {
        JsonNode content = DOC.at("/paths/~1v1~1events/post/requestBody/content");

        assertTrue(content.at("/application~1json/examples/single/value").isObject());
        assertTrue(content.at("/application~1json/examples/array/value").isArray());
        assertTrue(content.at("/application~1x-ndjson/examples/ndjson/value").isTextual());
    }

    @Test
    void namesEveryErrorCodeWithAnExampleUnderItsStatus() {
        Set<String> documented = new HashSet<>();
        DOC.at("/components/schemas/ApiError/properties/error/enum")
                .forEach(c -> documented.add(c.asText()));
        for (GatewayErrorCode code : GatewayErrorCode.values()) {
            assertTrue(documented.contains(code.code()), code.code() + " in the ApiError enum");
            String path =
                    code == GatewayErrorCode.NOT_READY
                            ? "/paths/~1ready/get"
                            : "/paths/~1v1~1events/post";
            JsonNode example =
                    DOC.at(
                            path
                                    + "/responses/"
                                    + code.status()
                                    + "/content/application~1json/examples/"
                                    + code.code()
                                    + "/value");
            assertEquals(code.code(), example.path("error").asText(), code.code() + " example");
        }
        assertEquals(GatewayErrorCode.values().length, documented.size());
    }
}
