-- Launch settings: commission and the booking rules in force on day one.
INSERT INTO platform_settings (key, value) VALUES
    ('commission_percent',           '15'),
    ('min_session_minutes',          '30'),
    ('cancellation_window_hours',    '24'),
    ('registration_open',            'true')
ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
