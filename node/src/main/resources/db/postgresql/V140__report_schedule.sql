-- PostgreSQL twin of db/migration/V140__report_schedule.sql: the same schema (portable SQL, no dialect change needed).
-- Scheduled directory reports (issue 15 item 7). One row per organization whose admin chose a
-- schedule. last_month / last_quarter hold the first day of the last period that was published
-- (or, when the schedule was turned on, of the last period that had already ended: no back-fill).
-- The scheduler advances them with a compare-and-set in the same transaction that creates the
-- report entry, so a crash or restart neither skips nor repeats a period.
CREATE TABLE report_schedule (
  org_id        BIGINT  NOT NULL PRIMARY KEY REFERENCES organization(id),
  monthly       BOOLEAN NOT NULL,
  quarterly     BOOLEAN NOT NULL,
  last_month    DATE,
  last_quarter  DATE,
  updated       TIMESTAMP WITH TIME ZONE NOT NULL
);
