-- 发送通道优先级 (issue 15): each outbox row's lane, claimed and paced lane by lane by the dispatcher — urgent
-- (超期, 督办, 舆情回复超期), task (one notice per piece of work: 核实 tasks, 舆情转办, 渣土报警, 回访), bulk (bursts:
-- 预警, 整改逾期, 考核发布). docs/notify.md, "Lanes". Rows already queued take their kind's lane.
ALTER TABLE notify_outbox ADD COLUMN lane VARCHAR(8);
UPDATE notify_outbox SET lane = CASE
    WHEN urgent THEN 'urgent'
    WHEN kind IN ('INSPECTOR_TASK', 'OPINION_FORWARDED', 'MUCK_ALARM', 'VISIT_LINK') THEN 'task'
    ELSE 'bulk' END;
ALTER TABLE notify_outbox ALTER COLUMN lane SET NOT NULL;
-- the claim: one lane's due rows in order (rows that are done — SENT, DEAD, SKIPPED — have no due time)
CREATE INDEX notify_outbox_lane_due_idx ON notify_outbox (lane, next_attempt_at, id);
