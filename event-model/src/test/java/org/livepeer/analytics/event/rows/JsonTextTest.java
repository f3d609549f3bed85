package org.livepeer.analytics.event.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JsonText} writes exactly what Jackson's default generator writes, which rows used to. */
class JsonTextTest {

    private static final JsonFactory JACKSON = new JsonFactory();

    @FunctionalInterface
    private interface Write {
        void to(JsonGenerator gen) throws IOException;
    }

    private static String jackson(Write write) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator gen = JACKSON.createGenerator(out)) {
            write.to(gen);
        }
        return out.toString();
    }

    // One instance for all cases, as a RowLines reuses its own: the scratch array must not leak
    // one string into the next.
    private final JsonText text = new JsonText();

    private String ours(String s) {
        text.out.setLength(0);
        text.string(s);
        return text.out.toString();
    }

    private String ours(double d) {
        text.out.setLength(0);
        text.number(d);
        return text.out.toString();
    }

    @Test
    void everyUtf16CodeUnitIsEscapedAsJacksonDoes() throws IOException {
        for (int c = 0; c <= 0xFFFF; c++) {
            String s = "a" + (char) c + "b";
            assertEquals(jackson(g -> g.writeString(s)), ours(s), "char " + c);
        }
    }

    @Test
    void mixedStringsMatch() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        char[] alphabet = "ab\"\\\n\r\t\b\f\u0000\u001f\u007f/é€\ud83d\ude00 ".toCharArray();
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(i % 10 == 0 ? 200 : 12);
            for (int j = 0; j < n; j++) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertEquals(jackson(g -> g.writeString(text)), ours(text), text);
        }
    }

    @Test
    void fieldNamesAreQuotedWithAColon() throws IOException {
        String jackson =
                jackson(
                        g -> {
                            g.writeStartObject();
                            g.writeFieldName("video_fps");
                            g.writeNumber(1);
                            g.writeEndObject();
                        });
        assertEquals(jackson, "{" + JsonText.fieldName("video_fps") + "1}");
    }

    @Test
    void doublesMatchIncludingNonFiniteOnes() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        double[] special = {
            0.0,
            -0.0,
            1.0,
            0.1,
            1e-7,
            1e21,
            123456789.125,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY
        };
        for (double d : special) {
            assertEquals(jackson(g -> g.writeNumber(d)), ours(d), Double.toString(d));
        }
        for (int i = 0; i < 20_000; i++) {
            double d =
                    i % 2 == 0
                            ? Double.longBitsToDouble(random.nextLong())
                            : random.nextDouble() * 1e6;
            assertEquals(jackson(g -> g.writeNumber(d)), ours(d), Double.toString(d));
        }
    }
}
