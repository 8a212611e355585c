-- Risk metrics.
-- 1. Venue exposure starts from a case's own check-ins: a lookup by person. The table is
--    ordered by district and venue for the dashboards, so a projection orders a copy of the few
--    columns exposure needs by person. It lives in the same parts, so retention drops it with them.
ALTER TABLE checkins ADD PROJECTION IF NOT EXISTS checkins_by_person
(
    SELECT person_hash, time, venue_code, party_size, ingested_at ORDER BY person_hash, time
);

ALTER TABLE checkins MATERIALIZE PROJECTION checkins_by_person;

-- 2. Footfall per day, district and venue category. Counts only, nothing personal, so it is
--    kept beyond the 28 days of raw check-ins: the baseline week of an alert may be months old.
CREATE TABLE IF NOT EXISTS checkins_daily
(
    day           Date COMMENT 'Taipei date',
    district_code LowCardinality(String),
    category      LowCardinality(String) COMMENT 'venue category from the registry when the check-in landed',
    checkins      UInt64,
    people        UInt64
)
ENGINE = SummingMergeTree
ORDER BY (day, district_code, category)
-- Retried inserts reach the view again; this window lets it drop them as checkins does.
SETTINGS non_replicated_deduplication_window = 10000;

-- A retried insert into checkins (same deduplication token) still reaches this view; inserts carry
-- deduplicate_blocks_in_dependent_materialized_views = 1 so the view drops it too (test: exactly-once).
CREATE MATERIALIZED VIEW IF NOT EXISTS checkins_daily_mv TO checkins_daily AS
SELECT toDate(c.time) AS day, c.district_code AS district_code, ifNull(v.category, '') AS category,
       count() AS checkins, sum(c.party_size) AS people
FROM checkins AS c
LEFT JOIN (SELECT code, argMax(category, updated_at) AS category FROM venues GROUP BY code) AS v ON v.code = c.venue_code
GROUP BY day, district_code, category;

-- Backfill what landed before the view existed.
INSERT INTO checkins_daily
SELECT toDate(c.time) AS day, c.district_code, ifNull(v.category, '') AS category, count(), sum(c.party_size)
FROM checkins AS c
LEFT JOIN (SELECT code, argMax(category, updated_at) AS category FROM venues GROUP BY code) AS v ON v.code = c.venue_code
GROUP BY day, c.district_code, category;

-- 3. Risk level rules, versioned and kept as data. The rule in force on a date is the version
--    with the latest effective_from at or before it; value >= cut_points[i] reaches level i + 1
--    (0 low, 1 medium, 2 high, 3 critical, 4 extreme).
CREATE TABLE IF NOT EXISTS risk_level_rules
(
    version        String,
    effective_from Date,
    metric         LowCardinality(String) COMMENT 'new_cases_per_100k (7-day average), rt (latest mean), icu_occupancy (0-1)',
    cut_points     Array(Float64),
    source         String,
    created_at     DateTime64(3, 'UTC')
)
ENGINE = ReplacingMergeTree(created_at)
ORDER BY (version, metric);

INSERT INTO risk_level_rules VALUES
    ('covid-act-now-2020.1', '2020-01-01', 'new_cases_per_100k', [1, 10, 25, 75], 'COVID Act Now risk levels: daily new cases per 100k (7-day average)', now64(3)),
    ('covid-act-now-2020.1', '2020-01-01', 'rt', [0.9, 1.1, 1.4], 'COVID Act Now risk levels: infection rate (Rt)', now64(3)),
    ('covid-act-now-2020.1', '2020-01-01', 'icu_occupancy', [0.7, 0.8, 0.85], 'COVID Act Now risk levels: ICU capacity used', now64(3));
