package org.livepeer.analytics.gateway.auth;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.livepeer.analytics.gateway.config.ApiKey;

/**
 * Finds the name of a presented API key. Compares SHA-256 hashes with {@link MessageDigest#isEqual}
 * against every configured key, without stopping at a match, so the time taken does not reveal
 * which key (or how much of it) matched.
 */
public final class ApiKeyAuthenticator {

    private final List<ApiKey> keys;
    private final List<byte[]> hashes;

    public ApiKeyAuthenticator(List<ApiKey> keys) {
        this.keys = List.copyOf(keys);
        this.hashes = this.keys.stream().map(ApiKey::sha256).toList();
    }

    /** The name of the key, or empty when no configured key matches. */
    public Optional<String> authenticate(String presentedKey) {
        byte[] presented = ApiKey.hash(presentedKey);
        int match = -1;
        for (int i = 0; i < hashes.size(); i++) {
            if (MessageDigest.isEqual(hashes.get(i), presented) && match < 0) {
                match = i;
            }
        }
        return match < 0 ? Optional.empty() : Optional.of(keys.get(match).name());
    }
}
