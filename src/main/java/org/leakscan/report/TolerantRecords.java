package org.leakscan.report;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads leakscan's report records so that a report written before a field existed still reads:
 * a missing or null component is absent (zero, false, null; a list is null where the record keeps
 * null, as the writer left it out, and empty where the record's constructor refuses null), and a
 * field the record does not have is skipped. Writing is Gson's own. A value of the wrong type is
 * an error naming its JSON path.
 */
final class TolerantRecords implements TypeAdapterFactory {

    @Override
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        Class<? super T> raw = type.getRawType();
        if (!raw.isRecord() || !raw.getName().startsWith("org.leakscan.")) {
            return null;
        }
        return new RecordAdapter<>(gson, raw, gson.getDelegateAdapter(this, type));
    }

    private static final class RecordAdapter<T> extends TypeAdapter<T> {

        private final Class<? super T> type;
        private final TypeAdapter<T> writer;
        private final Map<String, Integer> indexByName = new HashMap<>();
        private final List<TypeAdapter<?>> adapters;
        private final Class<?>[] rawTypes;
        private final Constructor<? super T> constructor;
        /** Set once the constructor has refused a null list: missing lists are then read as empty. */
        private volatile boolean emptyLists;

        RecordAdapter(Gson gson, Class<? super T> type, TypeAdapter<T> writer) {
            this.type = type;
            this.writer = writer;
            RecordComponent[] components = type.getRecordComponents();
            rawTypes = new Class<?>[components.length];
            TypeAdapter<?>[] list = new TypeAdapter<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                rawTypes[i] = c.getType();
                list[i] = gson.getAdapter(TypeToken.get(c.getGenericType()));
                SerializedName name = c.getAccessor().getAnnotation(SerializedName.class);
                indexByName.put(name != null ? name.value() : c.getName(), i);
            }
            adapters = List.of(list);
            try {
                constructor = type.getDeclaredConstructor(rawTypes);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + type.getName(), e);
            }
        }

        @Override
        public void write(JsonWriter out, T value) throws IOException {
            writer.write(out, value);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            String path = in.getPath();
            Object[] args = new Object[rawTypes.length];
            in.beginObject();
            while (in.hasNext()) {
                Integer i = indexByName.get(in.nextName());
                if (i == null) {
                    in.skipValue();
                } else {
                    args[i] = adapters.get(i).read(in);
                }
            }
            in.endObject();
            boolean[] missing = new boolean[args.length];
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null) {
                    missing[i] = true;
                    args[i] = absent(rawTypes[i], emptyLists);
                }
            }
            try {
                return (T) construct(args);
            } catch (InvocationTargetException e) {
                if (!(e.getCause() instanceof NullPointerException) || emptyLists) {
                    throw new JsonParseException("cannot read " + type.getSimpleName() + " at " + path + ": "
                            + e.getCause(), e.getCause());
                }
            }
            emptyLists = true;
            for (int i = 0; i < args.length; i++) {
                if (missing[i]) {
                    args[i] = absent(rawTypes[i], true);
                }
            }
            try {
                return (T) construct(args);
            } catch (InvocationTargetException e) {
                throw new JsonParseException("cannot read " + type.getSimpleName() + " at " + path + ": "
                        + e.getCause(), e.getCause());
            }
        }

        private Object construct(Object[] args) throws InvocationTargetException {
            try {
                return constructor.newInstance(args);
            } catch (InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        /** What a missing component reads as. */
        private static Object absent(Class<?> t, boolean emptyLists) {
            if (t == List.class) {
                return emptyLists ? List.of() : null;
            }
            if (t == int.class) {
                return 0;
            }
            if (t == long.class) {
                return 0L;
            }
            if (t == double.class) {
                return 0.0;
            }
            if (t == boolean.class) {
                return false;
            }
            return null;
        }
    }
}
