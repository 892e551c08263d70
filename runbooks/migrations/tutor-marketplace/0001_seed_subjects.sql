-- Launch seed data: the subjects tutors can list and students can search by.
-- Re-runnable: existing subjects are left as they are.
INSERT INTO subjects (slug, name, category) VALUES
    ('maths-gcse',        'GCSE Maths',            'maths'),
    ('maths-a-level',     'A-level Maths',         'maths'),
    ('english-gcse',      'GCSE English',          'english'),
    ('physics-a-level',   'A-level Physics',       'science'),
    ('chemistry-a-level', 'A-level Chemistry',     'science'),
    ('spanish-beginner',  'Spanish for beginners', 'languages'),
    ('piano-grade-1-5',   'Piano, grades 1 to 5',  'music')
ON CONFLICT (slug) DO NOTHING;
