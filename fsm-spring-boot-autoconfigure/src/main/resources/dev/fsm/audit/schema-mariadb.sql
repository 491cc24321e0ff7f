-- FSM starter: the audit trail table (MariaDB and MySQL).
-- Run by fsm.audit.initialize-schema (embedded by default); copy it into a Flyway or Liquibase
-- migration when those manage the schema. Safe to run again: it creates only what is missing.
-- The unique constraint numbers the steps of each entity and workflow: the database refuses a
-- second record of the same step, which is how concurrent transitions are detected.
-- The indexes are declared in the table, because MySQL has no CREATE INDEX IF NOT EXISTS; ids
-- compare case-sensitively, like the entity ids they hold.

CREATE TABLE IF NOT EXISTS fsm_transition_record (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    entity_type     VARCHAR(200) NOT NULL,
    entity_id       VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    workflow        VARCHAR(200) NOT NULL,
    seq_no          BIGINT       NOT NULL,
    transition_name VARCHAR(255) NOT NULL,
    source_state    VARCHAR(255),
    target_state    VARCHAR(255) NOT NULL,
    actor           VARCHAR(255) NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    description     VARCHAR(1000),
    outcome         VARCHAR(16)  NOT NULL CHECK (outcome IN ('COMPLETED', 'FAILED', 'FORCED')),
    CONSTRAINT fsm_transition_record_step UNIQUE (entity_type, entity_id, workflow, seq_no),
    INDEX fsm_transition_record_actor (actor, occurred_at),
    INDEX fsm_transition_record_time (occurred_at)
) ENGINE = InnoDB;
