-- 核实/核查派遣: the inspector a case's waiting 核实 / 核查 task is sent to (city_case.inspector), and on each
-- ASSIGN_INSPECTOR step the inspector it was sent to (case_step.inspector). 挂账 with approval: the date the
-- department expects to resume (预计恢复日期), kept while the request waits and while the case is suspended.
ALTER TABLE city_case ADD COLUMN inspector VARCHAR(64);
ALTER TABLE city_case ADD COLUMN resume_expected DATE;
ALTER TABLE case_step ADD COLUMN inspector VARCHAR(64);
CREATE INDEX city_case_inspector_idx ON city_case (inspector, status, due_at);
