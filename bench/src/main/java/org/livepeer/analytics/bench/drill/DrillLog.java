package org.livepeer.analytics.bench.drill;

import java.time.LocalTime;

/** The drill runner's progress lines on stderr, time-stamped. */
final class DrillLog {

    private DrillLog() {}

    static synchronized void say(String line) {
        System.err.println(LocalTime.now().withNano(0) + " drill: " + line);
    }
}
