-- Core tables of the first end-to-end path. Never edit an applied migration: add a new one.
-- non_replicated_deduplication_window lets an insert carry insert_deduplication_token, so a
-- batch retried by BullMQ after its insert adds nothing the second time.

CREATE TABLE IF NOT EXISTS cases
(
    case_date   Date COMMENT '個案研判日, Taipei local date',
    county      LowCardinality(String) COMMENT 'canonical county (臺北市), empty for imported cases without one',
    district    LowCardinality(String) COMMENT 'canonical district (萬華區), empty when unknown',
    sex         LowCardinality(String),
    imported    UInt8,
    age_group   LowCardinality(String),
    cases       UInt32 COMMENT 'the CDC file is aggregated: one row counts this many cases',
    source      LowCardinality(String),
    batch_id    String,
    ingested_at DateTime64(3, 'UTC')
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(case_date)
ORDER BY (county, district, case_date)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS venues
(
    code          String COMMENT '15-digit 1922 venue code',
    venue_id      String COMMENT 'several codes of one venue share it',
    name          String,
    category      LowCardinality(String),
    district_code LowCardinality(String) COMMENT 'MOI town code, 63000070 = 萬華區',
    village       String,
    address       String,
    lat           Nullable(Float64),
    lon           Nullable(Float64),
    updated_at    DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY code;

-- Raw check-ins live 28 days (as in the real 1922 scheme): daily partitions so retention drops whole days.
CREATE TABLE IF NOT EXISTS checkins
(
    time          DateTime64(3, 'Asia/Taipei'),
    venue_code    String,
    district_code LowCardinality(String),
    channel       LowCardinality(String) COMMENT 'sms = 1922 SMS, app = TaipeiPASS',
    person_hash   String COMMENT 'HMAC of the phone number or app user id, never the raw value',
    party_size    UInt8 COMMENT 'the person plus companions (+N) or registered family members',
    batch_id      String,
    ingested_at   DateTime64(3, 'UTC')
)
ENGINE = MergeTree
PARTITION BY toDate(time)
ORDER BY (district_code, venue_code, time)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS district_populations
(
    county     LowCardinality(String),
    district   LowCardinality(String),
    as_of      Date COMMENT 'month-end the registered population refers to',
    population UInt32,
    source     String
)
ENGINE = ReplacingMergeTree
ORDER BY (county, district, as_of);

CREATE TABLE IF NOT EXISTS ingest_dead_letter
(
    received_at DateTime64(3, 'UTC'),
    source      LowCardinality(String),
    batch_id    String,
    position    String COMMENT 'line N of a CSV or item N of a JSON array',
    reason      String,
    raw         String COMMENT 'the rejected record with phone numbers and app ids replaced by their keyed hash'
)
ENGINE = MergeTree
PARTITION BY toYYYYMM(received_at)
ORDER BY (source, received_at)
SETTINGS non_replicated_deduplication_window = 10000;

CREATE TABLE IF NOT EXISTS ingest_batches
(
    batch_id    String,
    source      LowCardinality(String),
    accepted    UInt32,
    rejected    UInt32,
    received_at DateTime64(3, 'UTC'),
    landed_at   DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(landed_at)
ORDER BY batch_id;
