package com.firesync.schedule;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores task data as JSON with the application's Jackson 3 (db-scheduler's own Jackson serializer needs Jackson 2,
 * and Java serialization is not an option): task data are ids and codes only.
 */
final class JsonTaskData implements Serializer {

    private final JsonMapper json = JsonMapper.builder().build();

    @Override
    public byte[] serialize(Object data) {
        return data == null ? new byte[0] : json.writeValueAsBytes(data);
    }

    @Override
    @SuppressWarnings("NullAway") // db-scheduler's Serializer contract: no data deserialises to null
    public <T> T deserialize(Class<T> type, byte @Nullable [] serialized) {
        if (serialized == null || serialized.length == 0 || type == Void.class) {
            return null;
        }
        return json.readValue(serialized, type);
    }
}
