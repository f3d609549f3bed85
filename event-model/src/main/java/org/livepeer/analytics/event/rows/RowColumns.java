package org.livepeer.analytics.event.rows;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of one row record, in declaration order, each a writer bound to its accessor and
 * value type, built once per class. It writes what Jackson's bean serializer wrote for these
 * records (snake_case names, {@link JsonUnwrapped} prefixes, {@link JsonFormat} NUMBER booleans),
 * without the per-property dispatch that made rendering a third of the parse stage; a type it does
 * not know fails when the class is first seen, never silently.
 */
final class RowColumns {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private static final ClassValue<RowColumns> BY_CLASS =
            new ClassValue<>() {
                @Override
                protected RowColumns computeValue(Class<?> type) {
                    return new RowColumns(columns(type, ""));
                }
            };

    /** Writes one column (name and value) of {@code row}. */
    @FunctionalInterface
    private interface Column {
        void write(JsonGenerator gen, Object row) throws IOException;
    }

    /** Writes one non-null value. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(JsonGenerator gen, Object value) throws IOException;
    }

    private final Column[] columns;

    private RowColumns(List<Column> columns) {
        this.columns = columns.toArray(new Column[0]);
    }

    static RowColumns of(Class<?> recordType) {
        return BY_CLASS.get(recordType);
    }

    /** Writes every column as a field of the object {@code gen} has open. */
    void write(JsonGenerator gen, Object row) throws IOException {
        for (Column c : columns) {
            c.write(gen, row);
        }
    }

    private static List<Column> columns(Class<?> type, String prefix) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        List<Column> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Method accessor = rc.getAccessor();
            // Jackson's annotations do not target record components; Java copies them to the
            // accessor.
            JsonUnwrapped unwrapped = accessor.getAnnotation(JsonUnwrapped.class);
            if (unwrapped != null) {
                Column[] nested =
                        columns(rc.getType(), prefix + unwrapped.prefix()).toArray(new Column[0]);
                out.add(
                        (gen, row) -> {
                            Object inner = get(accessor, row);
                            for (Column c : nested) {
                                c.write(gen, inner);
                            }
                        });
                continue;
            }
            String name = prefix + SNAKE.translate(rc.getName());
            ValueWriter value = valueWriter(rc, type);
            out.add(
                    (gen, row) -> {
                        gen.writeFieldName(name);
                        Object v = get(accessor, row);
                        if (v == null) {
                            gen.writeNull();
                        } else {
                            value.write(gen, v);
                        }
                    });
        }
        return out;
    }

    private static ValueWriter valueWriter(RecordComponent rc, Class<?> owner) {
        Class<?> t = rc.getType();
        if (t == boolean.class || t == Boolean.class) {
            JsonFormat format = rc.getAccessor().getAnnotation(JsonFormat.class);
            if (format != null && format.shape() == JsonFormat.Shape.NUMBER) {
                return (gen, v) -> gen.writeNumber((Boolean) v ? 1 : 0);
            }
            return (gen, v) -> gen.writeBoolean((Boolean) v);
        }
        if (t == List.class) {
            ValueWriter element = scalarWriter(elementType(rc), rc, owner);
            return (gen, v) -> {
                gen.writeStartArray();
                for (Object e : (List<?>) v) {
                    if (e == null) {
                        gen.writeNull();
                    } else {
                        element.write(gen, e);
                    }
                }
                gen.writeEndArray();
            };
        }
        return scalarWriter(t, rc, owner);
    }

    private static ValueWriter scalarWriter(Type t, RecordComponent rc, Class<?> owner) {
        if (t == String.class) {
            return (gen, v) -> gen.writeString((String) v);
        }
        if (t == long.class || t == Long.class) {
            return (gen, v) -> gen.writeNumber((Long) v);
        }
        if (t == int.class || t == Integer.class) {
            return (gen, v) -> gen.writeNumber((Integer) v);
        }
        if (t == double.class || t == Double.class) {
            return (gen, v) -> gen.writeNumber((Double) v);
        }
        if (t == BigInteger.class) {
            return (gen, v) -> gen.writeNumber((BigInteger) v);
        }
        throw new IllegalArgumentException(
                "no column writer for " + t + " of " + owner.getName() + "." + rc.getName());
    }

    private static Type elementType(RecordComponent rc) {
        if (rc.getGenericType() instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        return Object.class;
    }

    private static Object get(Method accessor, Object row) {
        try {
            return accessor.invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
