-- Publications are now deleted when completed (spring.modulith.events.completion-mode: delete); the rows kept
-- by the earlier completion mode only grow the table and its indexes.
DELETE FROM event_publication WHERE completion_date IS NOT NULL;
