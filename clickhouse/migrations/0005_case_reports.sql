-- The city's case line list. Every version of every case is kept: the current state of a case
-- is its latest report (argMax by reported_at), and "as of T" is the latest report at or before T.
-- Phone numbers and app ids are keyed hashes (for venue exposure), never raw.
CREATE TABLE IF NOT EXISTS case_reports
(
    case_id        String,
    reported_at    DateTime64(3, 'UTC'),
    retracted      UInt8,
    onset_date     Nullable(Date),
    confirmed_date Date COMMENT 'Taipei date',
    district_code  LowCardinality(String),
    village        String,
    age_group      LowCardinality(String),
    sex            LowCardinality(String),
    imported       UInt8,
    cluster        String,
    phone_hashes   Array(String),
    app_hashes     Array(String),
    batch_id       String,
    ingested_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
ORDER BY (case_id, reported_at)
SETTINGS non_replicated_deduplication_window = 10000;
