-- 违法建设治理 (issue 18): the day a structure was recorded 已拆除 / 已整改, so the 违建 roll-up can count
-- demolitions per month. Module enforcement, range V49_xxx. Structures recorded before this migration keep NULL
-- (their day is in the audit trail, ENF_STRUCTURE / OUTCOME) and are not counted in any month.
ALTER TABLE enf_structure ADD COLUMN outcome_on DATE;
