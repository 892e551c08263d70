-- Courses run in cohorts with their own start date and capacity; enrolments move to a cohort.
CREATE TABLE IF NOT EXISTS courses (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug  text NOT NULL UNIQUE,
    title text NOT NULL
);

CREATE TABLE course_cohorts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    course_id  bigint      NOT NULL REFERENCES courses (id),
    starts_on  date        NOT NULL,
    capacity   integer     NOT NULL CHECK (capacity > 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, starts_on)
);
