package org.livepeer.analytics.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One in-process KRaft Kafka broker per test class (temporary directory, free port on 127.0.0.1),
 * stopped and deleted after the class. Declare a parameter of type {@link
 * org.livepeer.analytics.kafka.embedded.EmbeddedKafkaBroker} on a constructor, {@code @BeforeAll},
 * {@code @BeforeEach} or test method to get it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KafkaExtension.class)
public @interface WithKafka {}
