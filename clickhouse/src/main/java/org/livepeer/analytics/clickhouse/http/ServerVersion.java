package org.livepeer.analytics.clickhouse.http;

import java.util.Arrays;

/**
 * A ClickHouse server version such as {@code 18.16.1} or {@code 24.8.4.13}. Missing trailing
 * components count as 0, so {@code 19.6} is the lowest 19.6 release.
 */
public record ServerVersion(int major, int minor, int patch, int build)
        implements Comparable<ServerVersion> {

    public ServerVersion {
        if (major < 0 || minor < 0 || patch < 0 || build < 0) {
            throw new IllegalArgumentException("negative version component");
        }
    }

    /** Parses {@code MAJOR.MINOR[.PATCH[.BUILD]]}; surrounding whitespace is ignored. */
    public static ServerVersion parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        String[] parts = trimmed.split("\\.");
        if (parts.length < 2 || parts.length > 4) {
            throw new IllegalArgumentException("Not a ClickHouse version: '" + text + "'");
        }
        int[] numbers = new int[4];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = component(parts[i], text);
        }
        return new ServerVersion(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    private static int component(String part, String text) {
        if (part.isEmpty() || !part.chars().allMatch(Character::isDigit) || part.length() > 9) {
            throw new IllegalArgumentException("Not a ClickHouse version: '" + text + "'");
        }
        return Integer.parseInt(part);
    }

    /** True when this version is {@code major.minor} or newer. */
    public boolean atLeast(int major, int minor) {
        return compareTo(new ServerVersion(major, minor, 0, 0)) >= 0;
    }

    /** True when this version is {@code other} or newer. */
    public boolean atLeast(ServerVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        return Arrays.compare(
                new int[] {major, minor, patch, build},
                new int[] {o.major, o.minor, o.patch, o.build});
    }

    @Override
    public String toString() {
        String base = major + "." + minor + "." + patch;
        return build == 0 ? base : base + "." + build;
    }
}
