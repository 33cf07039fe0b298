package com.firesync.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What mentions a connection or user outside the tables that reference it by key (those go by cascade): received
 * webhooks (raw provider bodies naming the provider's ids) and recorded event publications (serialized events naming
 * FireSync's ids).
 */
@Component
class Remnants {

    private static final int BATCH = 200;

    private final JdbcClient jdbc;

    private final JsonMapper json = JsonMapper.builder().build();

    Remnants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Deletes the webhooks about any of the provider's connections, or about the provider's user. Bodies are read in
     * batches: the inbox keeps its bodies raw, as received.
     *
     * @return the ids of the webhooks deleted
     */
    List<Long> deleteWebhooks(Set<String> providerConnectionIds, @Nullable String providerUserId) {
        List<Long> about = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Stored> batch = jdbc.sql("SELECT id, body FROM webhook_inbox WHERE id > :after ORDER BY id LIMIT "
                    + BATCH)
                    .param("after", after)
                    .query((rs, row) -> new Stored(rs.getLong("id"), rs.getBytes("body")))
                    .list();
            for (Stored stored : batch) {
                if (mentions(stored.body(), providerConnectionIds, providerUserId)) {
                    about.add(stored.id());
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            after = batch.getLast().id();
        }
        for (long id : about) {
            jdbc.sql("DELETE FROM webhook_inbox WHERE id = :id").param("id", id).update();
        }
        return about;
    }

    /**
     * Deletes the event publications naming any of the connections, webhooks, or the user.
     */
    void deleteEvents(Collection<Long> connectionIds, Collection<Long> inboxIds, @Nullable Long userId) {
        for (long id : connectionIds) {
            deleteEventsNaming("connectionId", id);
        }
        for (long id : inboxIds) {
            deleteEventsNaming("inboxId", id);
        }
        if (userId != null) {
            deleteEventsNaming("userId", userId);
        }
    }

    private void deleteEventsNaming(String field, long id) {
        // events are stored as Jackson writes them: "field":id followed by a comma or the closing brace
        String value = "%\"" + field + "\":" + id;
        jdbc.sql("DELETE FROM event_publication WHERE serialized_event LIKE :comma OR serialized_event LIKE :end")
                .param("comma", value + ",%")
                .param("end", value + "}%")
                .update();
    }

    private boolean mentions(byte[] body, Set<String> connections, @Nullable String user) {
        try {
            return mentions(json.readTree(body), connections, user);
        } catch (JacksonException e) {
            // not JSON: it names nothing FireSync could tell, and the applier marked it malformed
            return false;
        }
    }

    private static boolean mentions(JsonNode node, Set<String> connections, @Nullable String user) {
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                if (mentions(item, connections, user)) {
                    return true;
                }
            }
            return false;
        }
        if (!node.isObject()) {
            return false;
        }
        if (in(connections, text(node.get("id_connection"))) || user != null && user.equals(text(node.get(
                "id_user")))) {
            return true;
        }
        for (var field : node.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("connection") && value.isObject() && in(connections, text(value.get("id")))
                    || field.getKey().equals("user") && value.isObject() && user != null && user.equals(
                            text(value.get("id")))) {
                return true;
            }
            if (mentions(value, connections, user)) {
                return true;
            }
        }
        return false;
    }

    private static boolean in(Set<String> values, @Nullable String value) {
        return value != null && values.contains(value);
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    private record Stored(long id, byte[] body) {
    }
}
