package org.livepeer.analytics.event.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.livepeer.analytics.event.envelope.EnvelopeValidator;

/**
 * Typed, path-aware reads from one JSON object of a payload. Every read either returns a value of
 * the requested type or throws a classified {@link PayloadException} naming the field's path
 * ({@code data.inference_status.fps}, {@code data[3].latency_ms}): a value of the wrong type or out
 * of range is {@code invalid_value}, never a default (docs/events.md §2.2). "Optional" reads return
 * null only when the field is absent or JSON null.
 */
public final class JsonFields {

    private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

    // A second beyond the accepted range on either side: cheap to compare with any exponent, and
    // wide enough that the exact check in ms still decides every value near the limits.
    private static final BigDecimal MIN_SECONDS_BOUND =
            BigDecimal.valueOf(EnvelopeValidator.MIN_TIMESTAMP_MS / 1000 - 1);
    private static final BigDecimal MAX_SECONDS_BOUND =
            BigDecimal.valueOf(EnvelopeValidator.MAX_TIMESTAMP_MS / 1000 + 1);

    private final JsonNode node;

    // The path is only needed in error messages, so it is kept as its parts (the enclosing object,
    // this member's name, its array index or -1) and composed on first use.
    private final JsonFields parent;
    private final String name;
    private final int index;
    private String path;

    private JsonFields(JsonNode node, JsonFields parent, String name, int index) {
        this.node = node;
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The payload {@code data} of an event whose data must be an object. */
    public static JsonFields rootObject(JsonNode data) {
        if (data == null || !data.isObject()) {
            throw PayloadException.invalidPayload("data must be an object, got " + kind(data));
        }
        return new JsonFields(data, null, "data", -1);
    }

    /** The elements of an event whose data must be a non-empty array of objects. */
    public static List<JsonFields> rootArray(JsonNode data) {
        if (data == null || !data.isArray()) {
            throw PayloadException.invalidPayload("data must be an array, got " + kind(data));
        }
        if (data.isEmpty()) {
            throw PayloadException.invalidPayload("data must not be an empty array");
        }
        return objectsOf(data, null, "data");
    }

    public String path() {
        String p = path;
        if (p == null) {
            p = pathAt(parent, name, index);
            path = p;
        }
        return p;
    }

    public JsonNode node() {
        return node;
    }

    /** The names of this object's members, in document order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(node.size());
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            names.add(it.next());
        }
        return names;
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return !isAbsent(v);
    }

    public JsonFields object(String name) {
        return asObject(required(name), this, name, -1);
    }

    public JsonFields optionalObject(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asObject(v, this, name, -1);
    }

    public String text(String name) {
        return asText(required(name), this, name, -1);
    }

    public String optionalText(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asText(v, this, name, -1);
    }

    /** A string, lower-cased (addresses: docs/events.md §2.3 says join on lower case). */
    public String lowerText(String name) {
        return text(name).toLowerCase(Locale.ROOT);
    }

    public String optionalLowerText(String name) {
        String s = optionalText(name);
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** A signed 64-bit integer. */
    public long integer(String name) {
        return asLong(required(name), this, name, -1);
    }

    public Long optionalInteger(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asLong(v, this, name, -1);
    }

    /** A non-negative integer that fits a signed 64-bit value (for UInt64 columns). */
    public long unsigned(String name) {
        return asUnsigned(required(name), this, name, -1);
    }

    public Long optionalUnsigned(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asUnsigned(v, this, name, -1);
    }

    /** A finite number (integer or fraction). */
    public double number(String name) {
        return asDouble(required(name), this, name, -1);
    }

    public Double optionalNumber(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asDouble(v, this, name, -1);
    }

    public Boolean optionalBoolean(String name) {
        JsonNode v = optional(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw PayloadException.invalidValue(pathOf(name), "must be a boolean, got " + kind(v));
        }
        return v.booleanValue();
    }

    /** Integer Unix milliseconds within the envelope's range (2020-01-01 .. 2100-01-01). */
    public Long optionalTimeMs(String name) {
        JsonNode v = optional(name);
        return v == null ? null : asTimeMs(v, this, name, -1);
    }

    /**
     * Unix time as integer milliseconds or, when the value has a fraction, as seconds (converted to
     * ms, rounded half-up); the same range applies.
     */
    public Long optionalTimeMsOrSeconds(String name) {
        JsonNode v = optional(name);
        if (v == null || !v.isFloatingPointNumber()) {
            return v == null ? null : asTimeMs(v, this, name, -1);
        }
        BigDecimal seconds = v.decimalValue();
        // Rounding to ms needs every digit up to the point: an exponent such as 1e999999999 or
        // 1e-999999999 would overflow or take minutes, so far-out values are refused first.
        if (seconds.compareTo(MIN_SECONDS_BOUND) < 0 || seconds.compareTo(MAX_SECONDS_BOUND) > 0) {
            throw secondsOutOfRange(name, v);
        }
        BigDecimal ms = seconds.movePointRight(3).setScale(0, RoundingMode.HALF_UP);
        if (ms.compareTo(BigDecimal.valueOf(EnvelopeValidator.MIN_TIMESTAMP_MS)) < 0
                || ms.compareTo(BigDecimal.valueOf(EnvelopeValidator.MAX_TIMESTAMP_MS)) >= 0) {
            throw secondsOutOfRange(name, v);
        }
        return ms.longValueExact();
    }

    private PayloadException secondsOutOfRange(String name, JsonNode v) {
        return PayloadException.invalidValue(
                pathOf(name), "seconds out of range 2020-01-01 .. 2100-01-01: " + v);
    }

    /** The member as compact JSON text, or null when absent or JSON null. */
    public String optionalJson(String name) {
        JsonNode v = optional(name);
        return v == null ? null : v.toString();
    }

    /** An array of strings; empty when absent or null (ClickHouse arrays cannot be NULL). */
    public List<String> textList(String name) {
        JsonNode v = optionalArray(name);
        if (v == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(asText(v.get(i), this, name, i));
        }
        return out;
    }

    /** An array of unsigned 64-bit integers (up to 2^64-1); empty when absent or null. */
    public List<BigInteger> uint64List(String name) {
        JsonNode v = optionalArray(name);
        if (v == null) {
            return List.of();
        }
        List<BigInteger> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.add(asUInt64(v.get(i), this, name, i));
        }
        return out;
    }

    /** An array of objects; empty when absent or null. */
    public List<JsonFields> objectList(String name) {
        JsonNode v = optionalArray(name);
        return v == null ? List.of() : objectsOf(v, this, name);
    }

    /** Parses a member name that must be a decimal id (map keys such as capability ids). */
    public long nameAsId(String name) {
        if (!isDecimalId(name)) {
            throw PayloadException.invalidValue(pathOf(name), "key must be a decimal id");
        }
        return Long.parseLong(name);
    }

    /** 1 to 18 ASCII digits: a non-negative decimal that always fits a {@code long}. */
    public static boolean isDecimalId(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public String pathOf(String name) {
        return path() + "." + name;
    }

    static String indexOf(String arrayPath, int index) {
        return arrayPath + "[" + index + "]";
    }

    /**
     * The path of member {@code name} of {@code parent} (a root when null), indexed unless {@code
     * index} is -1. Only computed for error messages.
     */
    private static String pathAt(JsonFields parent, String name, int index) {
        String member = parent == null ? name : parent.pathOf(name);
        return index < 0 ? member : indexOf(member, index);
    }

    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (isAbsent(v)) {
            throw PayloadException.missingField(pathOf(name));
        }
        return v;
    }

    private JsonNode optional(String name) {
        JsonNode v = node.get(name);
        return isAbsent(v) ? null : v;
    }

    private JsonNode optionalArray(String name) {
        JsonNode v = optional(name);
        if (v != null && !v.isArray()) {
            throw PayloadException.invalidValue(pathOf(name), "must be an array, got " + kind(v));
        }
        return v;
    }

    private static List<JsonFields> objectsOf(JsonNode array, JsonFields parent, String name) {
        List<JsonFields> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(asObject(array.get(i), parent, name, i));
        }
        return out;
    }

    private static JsonFields asObject(JsonNode v, JsonFields parent, String name, int index) {
        if (!v.isObject()) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "must be an object, got " + kind(v));
        }
        return new JsonFields(v, parent, name, index);
    }

    private static String asText(JsonNode v, JsonFields parent, String name, int index) {
        if (!v.isTextual()) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "must be a string, got " + kind(v));
        }
        return v.textValue();
    }

    private static long asLong(JsonNode v, JsonFields parent, String name, int index) {
        if (!v.isIntegralNumber()) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "must be an integer, got " + describe(v));
        }
        if (!v.canConvertToLong()) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "out of the 64-bit range: " + v);
        }
        return v.longValue();
    }

    private static long asUnsigned(JsonNode v, JsonFields parent, String name, int index) {
        long value = asLong(v, parent, name, index);
        if (value < 0) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "must not be negative, got " + value);
        }
        return value;
    }

    private static BigInteger asUInt64(JsonNode v, JsonFields parent, String name, int index) {
        if (!v.isIntegralNumber()) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "must be an integer, got " + describe(v));
        }
        BigInteger value = v.bigIntegerValue();
        if (value.signum() < 0 || value.compareTo(UINT64_LIMIT) >= 0) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "out of the UInt64 range: " + value);
        }
        return value;
    }

    private static double asDouble(JsonNode v, JsonFields parent, String name, int index) {
        if (!v.isNumber()) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "must be a number, got " + describe(v));
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index), "out of the Float64 range: " + v);
        }
        return d;
    }

    private static long asTimeMs(JsonNode v, JsonFields parent, String name, int index) {
        long ms = asLong(v, parent, name, index);
        if (ms < EnvelopeValidator.MIN_TIMESTAMP_MS || ms >= EnvelopeValidator.MAX_TIMESTAMP_MS) {
            throw PayloadException.invalidValue(
                    pathAt(parent, name, index),
                    "must be Unix milliseconds from 2020-01-01 to 2100-01-01, got " + ms);
        }
        return ms;
    }

    /**
     * Absent or JSON null. {@code instanceof} rather than {@link JsonNode#isNull()}, which is a
     * virtual call on a hot path; in a Jackson tree only {@link NullNode} is of type NULL.
     */
    static boolean isAbsent(JsonNode v) {
        return v == null || v instanceof NullNode;
    }

    static String kind(JsonNode v) {
        return v == null ? "nothing" : v.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String describe(JsonNode v) {
        String text = v.toString();
        return kind(v) + " " + (text.length() <= 40 ? text : text.substring(0, 40) + "…");
    }
}
