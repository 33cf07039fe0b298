-- Spring Modulith's event publication registry (schema v2): events between modules are recorded in the same
-- transaction as the change that caused them and re-published after a crash until their listener completes.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)             NOT NULL,
    event_type             VARCHAR(512)             NOT NULL,
    serialized_event       VARCHAR(4000)            NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INTEGER,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener ON event_publication (listener_id, serialized_event);
CREATE INDEX event_publication_by_completion ON event_publication (completion_date);
