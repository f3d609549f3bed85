package org.livepeer.analytics.event.rows;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of one row record, in declaration order, each a writer bound to its accessor and
 * value type, built once per class. It writes what Jackson's bean serializer wrote for these
 * records (snake_case names, {@link JsonUnwrapped} prefixes, {@link JsonFormat} NUMBER booleans),
 * without the per-property dispatch that made rendering a third of the parse stage: each column is
 * its escaped {@code ,"name":} prefix, a direct getter (a lambda over the accessor, not reflection)
 * and a value writer into the line's {@link StringBuilder}. A type it does not know fails when the
 * class is first seen, never silently.
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

    /** Appends one column ({@code ,"name":value}) of {@code row}. */
    @FunctionalInterface
    private interface Column {
        void write(JsonText out, Object row);
    }

    /** Appends one non-null value. */
    @FunctionalInterface
    private interface ValueWriter {
        void write(JsonText out, Object value);
    }

    private final Column[] columns;

    private RowColumns(List<Column> columns) {
        this.columns = columns.toArray(new Column[0]);
    }

    static RowColumns of(Class<?> recordType) {
        return BY_CLASS.get(recordType);
    }

    /** Appends every column, each after a comma, to the object {@code out} has open. */
    void write(JsonText out, Object row) {
        for (Column c : columns) {
            c.write(out, row);
        }
    }

    private static List<Column> columns(Class<?> type, String prefix) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is not a record");
        }
        List<Column> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Method accessor = rc.getAccessor();
            Function<Object, Object> get = getter(accessor);
            // Jackson's annotations do not target record components; Java copies them to the
            // accessor.
            JsonUnwrapped unwrapped = accessor.getAnnotation(JsonUnwrapped.class);
            if (unwrapped != null) {
                Column[] nested =
                        columns(rc.getType(), prefix + unwrapped.prefix()).toArray(new Column[0]);
                out.add(
                        (text, row) -> {
                            Object inner = get.apply(row);
                            for (Column c : nested) {
                                c.write(text, inner);
                            }
                        });
                continue;
            }
            String head = "," + JsonText.fieldName(prefix + SNAKE.translate(rc.getName()));
            ValueWriter value = valueWriter(rc, type);
            out.add(
                    (text, row) -> {
                        text.out.append(head);
                        Object v = get.apply(row);
                        if (v == null) {
                            text.out.append("null");
                        } else {
                            value.write(text, v);
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
                return (text, v) -> text.out.append((Boolean) v ? '1' : '0');
            }
            return (text, v) -> text.out.append((boolean) (Boolean) v);
        }
        if (t == List.class) {
            ValueWriter element = scalarWriter(elementType(rc), rc, owner);
            return (text, v) -> {
                StringBuilder out = text.out;
                out.append('[');
                String comma = "";
                for (Object e : (List<?>) v) {
                    out.append(comma);
                    comma = ",";
                    if (e == null) {
                        out.append("null");
                    } else {
                        element.write(text, e);
                    }
                }
                out.append(']');
            };
        }
        return scalarWriter(t, rc, owner);
    }

    private static ValueWriter scalarWriter(Type t, RecordComponent rc, Class<?> owner) {
        if (t == String.class) {
            return (text, v) -> text.string((String) v);
        }
        if (t == long.class || t == Long.class) {
            return (text, v) -> text.out.append((long) (Long) v);
        }
        if (t == int.class || t == Integer.class) {
            return (text, v) -> text.out.append((int) (Integer) v);
        }
        if (t == double.class || t == Double.class) {
            return (text, v) -> text.number((Double) v);
        }
        if (t == BigInteger.class) {
            return (text, v) -> text.out.append(v);
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

    /** The accessor as a plain function (boxing primitives), as fast as a direct call. */
    @SuppressWarnings("unchecked")
    private static Function<Object, Object> getter(Method accessor) {
        Class<?> owner = accessor.getDeclaringClass();
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            MethodHandle target = lookup.unreflect(accessor);
            Class<?> result = MethodType.methodType(accessor.getReturnType()).wrap().returnType();
            return (Function<Object, Object>)
                    LambdaMetafactory.metafactory(
                                    lookup,
                                    "apply",
                                    MethodType.methodType(Function.class),
                                    MethodType.methodType(Object.class, Object.class),
                                    target,
                                    MethodType.methodType(result, owner))
                            .getTarget()
                            .invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }
}
