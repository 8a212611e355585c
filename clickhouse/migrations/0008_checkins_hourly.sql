-- Check-ins and people per hour and district: what the overview's hourly chart and its 7-day
-- totals read. Read from raw check-ins it scanned a week of rows (12 million in a city of
-- 2.6 million) on every dashboard refresh; the roll-up holds 24 × 12 rows a day. Counts only,
-- nothing personal, so it outlives the 28 days of raw check-ins like checkins_daily.
CREATE TABLE IF NOT EXISTS checkins_hourly
(
    hour          DateTime('Asia/Taipei'),
    district_code LowCardinality(String),
    checkins      UInt64,
    people        UInt64
)
ENGINE = SummingMergeTree
PARTITION BY toYYYYMM(hour)
ORDER BY (hour, district_code)
-- Retried inserts reach the view again; this window lets it drop them as checkins does.
SETTINGS non_replicated_deduplication_window = 10000;

CREATE MATERIALIZED VIEW IF NOT EXISTS checkins_hourly_mv TO checkins_hourly AS
SELECT toStartOfHour(toDateTime(time, 'Asia/Taipei')) AS hour, district_code, count() AS checkins, sum(party_size) AS people
FROM checkins
GROUP BY hour, district_code;

-- Backfill what landed before the view existed.
INSERT INTO checkins_hourly
SELECT toStartOfHour(toDateTime(time, 'Asia/Taipei')) AS hour, district_code, count(), sum(party_size)
FROM checkins
GROUP BY hour, district_code;
