-- For the cases module's CategoryUsage (the category picker's "most used first"): a user's recent intakes by
-- category, found without scanning every case.
CREATE INDEX city_case_reporter_idx ON city_case (reporter_username, created_at);
