package org.livepeer.analytics.gateway.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A named API key, held only as its SHA-256 hash so a heap dump or a log line never shows the key.
 */
public record ApiKey(String name, byte[] sha256) {

    public ApiKey {
        sha256 = sha256.clone();
    }

    /** Hashes {@code key}; the plain key is not kept. */
    public static ApiKey of(String name, String key) {
        return new ApiKey(name, hash(key));
    }

    /** Every request hashes its key: one digest per thread saves the provider lookup. */
    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(ApiKey::newDigest);

    /** SHA-256 of the UTF-8 bytes of {@code key}. */
    public static byte[] hash(String key) {
        // digest() resets the instance for the next use.
        return SHA256.get().digest(key.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256, so this is a broken JVM.
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other
                && name.equals(other.name)
                && Arrays.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return name + ":****";
    }
}
