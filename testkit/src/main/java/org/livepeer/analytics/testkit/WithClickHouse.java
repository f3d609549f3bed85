package org.livepeer.analytics.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One real {@code clickhouse-server} process per test class (temporary data directory, free ports,
 * ready on {@code /ping}, always stopped at the end), with the project's migrations applied.
 * Declare a parameter of type {@link ClickHouseTestServer} (or {@link
 * org.livepeer.analytics.clickhouse.server.ClickHouseServerProcess}) to get it.
 *
 * <p>When a test fails, the data directory (with the server's logs) is kept and its path printed.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ClickHouseExtension.class)
public @interface WithClickHouse {
    /** Apply {@code classpath:migrations/} before the first test (default true). */
    boolean migrate() default true;
}
