package io.wudoctor.internal.kb;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads records of strings, numbers, booleans, enums, lists and nested records, by
 * their components in declaration order: the built-in catalogs, parsed from YAML when the jar is
 * built, load from this form on each run ({@link BuiltinCatalogs}). Jackson builds a
 * deserializer for each record type on first use, which costs a cold run more than all the
 * parsing; this needs one constructor lookup per type. Reading goes through the canonical
 * constructors, so a record's own checks and defaults apply as when Jackson builds it.
 */
final class RecordCodec {

    /** A record type's component types and canonical constructor, looked up once per type. */
    private record Shape(Type[] components, Constructor<?> canonical) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Type[] generic = new Type[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                generic[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
            }
            try {
                return new Shape(generic, type.getDeclaredConstructor(raw));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
            }
        }
    };

    private RecordCodec() {
    }

    static void write(DataOutputStream out, Object value, Type type) throws IOException {
        out.writeBoolean(value != null);
        if (value == null) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            out.writeUTF((String) value);
        } else if (raw == int.class || raw == Integer.class) {
            out.writeInt((Integer) value);
        } else if (raw == boolean.class || raw == Boolean.class) {
            out.writeBoolean((Boolean) value);
        } else if (raw.isEnum()) {
            out.writeUTF(((Enum<?>) value).name());
        } else if (raw == List.class) {
            List<?> list = (List<?>) value;
            out.writeInt(list.size());
            for (Object element : list) {
                write(out, element, elementType(type));
            }
        } else if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                try {
                    write(out, c.getAccessor().invoke(value), c.getGenericType());
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + raw.getName() + "." + c.getName(), e);
                }
            }
        } else {
            throw new IllegalArgumentException("no encoding for " + type);
        }
    }

    static Object read(DataInputStream in, Type type) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return in.readUTF();
        } else if (raw == int.class || raw == Integer.class) {
            return in.readInt();
        } else if (raw == boolean.class || raw == Boolean.class) {
            return in.readBoolean();
        } else if (raw.isEnum()) {
            return enumConstant(raw, in.readUTF());
        } else if (raw == List.class) {
            int size = in.readInt();
            List<Object> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(read(in, elementType(type)));
            }
            return list;
        } else if (raw.isRecord()) {
            Shape shape = SHAPES.get(raw);
            Object[] args = new Object[shape.components().length];
            for (int i = 0; i < args.length; i++) {
                args[i] = read(in, shape.components()[i]);
            }
            try {
                return shape.canonical().newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + raw.getName(), e);
            }
        }
        throw new IllegalArgumentException("no encoding for " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }

    private static Type elementType(Type listType) {
        if (listType instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[0];
        }
        throw new IllegalArgumentException("a list without its element type: " + listType);
    }
}
