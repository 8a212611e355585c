-- Raw check-ins are deleted after 28 days, a whole day's partition at a time. Each deletion is
-- recorded here (the day, how many rows), so the public can see the rule being kept.
CREATE TABLE IF NOT EXISTS retention_log
(
    deleted_at   DateTime64(3, 'UTC'),
    table_name   LowCardinality(String),
    day          Date COMMENT 'the Taipei day whose partition was dropped',
    rows_deleted UInt64
)
ENGINE = MergeTree
ORDER BY (table_name, day, deleted_at);
