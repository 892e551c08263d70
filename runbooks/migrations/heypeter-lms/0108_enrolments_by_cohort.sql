-- Enrolments belong to a cohort; lookups by student and by cohort are the hot paths at launch.
CREATE TABLE IF NOT EXISTS enrolments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    student_id  bigint      NOT NULL,
    course_id   bigint      NOT NULL REFERENCES courses (id),
    enrolled_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE enrolments ADD COLUMN cohort_id bigint REFERENCES course_cohorts (id);

CREATE INDEX enrolments_student ON enrolments (student_id);
CREATE INDEX enrolments_cohort ON enrolments (cohort_id);
