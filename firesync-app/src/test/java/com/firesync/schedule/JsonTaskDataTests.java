package com.firesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Task data is stored as JSON of ids and codes, readable in the table and across versions.
 */
class JsonTaskDataTests {

    private final JsonTaskData data = new JsonTaskData();

    @Test
    void storesAConnectionSyncAsJsonOfIdsOnly() {
        byte[] stored = data.serialize(new ConnectionSyncRequest(42, "schedule"));

        assertThat(new String(stored, StandardCharsets.UTF_8))
                .isEqualTo("{\"connectionId\":42,\"trigger\":\"schedule\"}");
        assertThat(data.deserialize(ConnectionSyncRequest.class, stored))
                .isEqualTo(new ConnectionSyncRequest(42, "schedule"));
    }

    @Test
    void storesNothingForTasksWithoutData() {
        assertThat(data.serialize(null)).isEmpty();
        assertThat(data.deserialize(Void.class, new byte[0])).isNull();
    }
}
