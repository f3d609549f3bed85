package org.livepeer.analytics.event.parse.payment;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go-livepeer's ticket face value text (GL {@code eth/helpers.go} FormatUnits): {@code "<int> WEI"}
 * below 1e16 wei, else {@code "<decimal> ETH"} with trailing zeros trimmed. Both become an exact
 * wei integer; docs/events.md §11.1 says what reading them as floats did (every fee was 0).
 */
final class FaceValue {

    /** Column type UInt64. */
    static final BigInteger MAX_WEI = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private static final Pattern WEI = Pattern.compile("([0-9]{1,30}) WEI");
    private static final Pattern ETH = Pattern.compile("([0-9]{1,30}(?:\\.[0-9]{1,30})?) ETH");
    private static final int WEI_PER_ETH_EXPONENT = 18;

    private FaceValue() {}

    /**
     * The amount in wei.
     *
     * @throws IllegalArgumentException with the reason when the text is not a face value, is not a
     *     whole number of wei, or does not fit UInt64
     */
    static BigInteger parseWei(String text) {
        BigInteger wei;
        Matcher m = WEI.matcher(text);
        if (m.matches()) {
            wei = new BigInteger(m.group(1));
        } else {
            m = ETH.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "must be \"<integer> WEI\" or \"<decimal> ETH\", got \"" + text + "\"");
            }
            BigDecimal weiDecimal = new BigDecimal(m.group(1)).movePointRight(WEI_PER_ETH_EXPONENT);
            if (weiDecimal.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("not a whole number of wei: \"" + text + "\"");
            }
            wei = weiDecimal.toBigInteger();
        }
        if (wei.compareTo(MAX_WEI) > 0) {
            throw new IllegalArgumentException("exceeds UInt64 wei: \"" + text + "\"");
        }
        return wei;
    }
}
