package org.livepeer.analytics.processor.row;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's type of {@link SinkRow}: serialized by {@link SinkRowSerializer}. */
public final class SinkRowTypeInfo extends TypeInformation<SinkRow> {

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<SinkRow> getTypeClass() {
        return SinkRow.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<SinkRow> createSerializer(SerializerConfig config) {
        return SinkRowSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "SinkRow";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SinkRowTypeInfo;
    }

    @Override
    public int hashCode() {
        return SinkRowTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof SinkRowTypeInfo;
    }

    /** Named by {@link SinkRow}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<SinkRow> {
        @Override
        public TypeInformation<SinkRow> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return new SinkRowTypeInfo();
        }
    }
}
