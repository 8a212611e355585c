-- Resource snapshots in long format, one row per facility, kind (or item) and time, and relief
-- application status events. Each table's sorting key is the identity of what was reported, so
-- the same snapshot or event sent twice is one row once merged (readers use FINAL); a resend with
-- corrected figures replaces the first (the later ingested_at wins). Deduplication tokens make a
-- retried batch add nothing, as for the other feeds.

CREATE TABLE IF NOT EXISTS resource_capacity
(
    time          DateTime64(3, 'Asia/Taipei') COMMENT 'when the facility reported the figures',
    facility_id   String,
    facility_name String,
    facility_type LowCardinality(String) COMMENT 'hospital, quarantine_hotel, quarantine_station or city',
    district_code LowCardinality(String) COMMENT 'MOI town code, empty for the city or when not given',
    kind          LowCardinality(String) COMMENT 'isolation_beds, icu_beds, negative_pressure_rooms, quarantine_rooms or ventilators',
    total         UInt32,
    occupied      Nullable(UInt32) COMMENT 'NULL when the source gave only the total (press figures)',
    batch_id      String,
    ingested_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (facility_id, kind, time)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS resource_stock
(
    time          DateTime64(3, 'Asia/Taipei') COMMENT 'when the facility reported the figures',
    facility_id   String,
    facility_name String,
    facility_type LowCardinality(String),
    district_code LowCardinality(String),
    item          LowCardinality(String) COMMENT 'vaccine_doses, rapid_tests or ppe_sets',
    quantity      UInt32,
    batch_id      String,
    ingested_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(time)
ORDER BY (facility_id, item, time)
SETTINGS non_replicated_deduplication_window = 10000;

-- No applicant data: the edge refuses any field beyond these.
-- The program is part of the key: two programs may number their applications alike.
CREATE TABLE IF NOT EXISTS relief_events
(
    application_id String,
    program        LowCardinality(String) COMMENT '防疫補償, 紓困生活補貼, ...',
    district_code  LowCardinality(String) COMMENT 'MOI town code',
    status         LowCardinality(String) COMMENT 'submitted, reviewing, approved, rejected or paid',
    at             DateTime64(3, 'Asia/Taipei'),
    amount         Nullable(UInt32) COMMENT 'NT$, whole; always present for approved and paid',
    batch_id       String,
    ingested_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(ingested_at)
PARTITION BY toYYYYMM(at)
ORDER BY (program, application_id, status, at)
SETTINGS non_replicated_deduplication_window = 10000;
