-- db-scheduler's table (its PostgreSQL schema with VARCHAR keys, so the same SQL runs on H2 in PostgreSQL mode):
-- one row per scheduled execution; an instance picks a row by a conditional update, so each runs once in a cluster.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(100)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(100),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- The last run of each scheduled job (periodicSync, healthCheck, ...), whichever instance ran it, for the job status.
CREATE TABLE scheduled_job_runs (
    job_name         VARCHAR(64)              NOT NULL PRIMARY KEY,
    last_started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_finished_at TIMESTAMP WITH TIME ZONE,
    last_outcome     VARCHAR(32),
    last_detail      VARCHAR(500),
    runs             BIGINT                   NOT NULL DEFAULT 0
);
