-- Every check-in carries the key that makes a redelivery the same check-in: sms:<messageId>,
-- app:<scanId>, or batch:<batchId>:<position>. Writers skip keys already stored (a bloom
-- filter makes that look-up cheap), so a redelivered SMS or a retried batch counts once.
ALTER TABLE checkins ADD COLUMN IF NOT EXISTS dedup_key String DEFAULT '' AFTER party_size;

ALTER TABLE checkins ADD INDEX IF NOT EXISTS dedup_key_bloom dedup_key TYPE bloom_filter(0.001) GRANULARITY 1;
