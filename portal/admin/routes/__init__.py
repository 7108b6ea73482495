"""The admin area's views: `home` (the admin's index), `employers` (search, one employer's page,
exemptions and bans), `decisions` (the work permit decision queue), `audit` (the audit log and its
CSV), `email` (email delivery states) and `second_factor` (enrolment and the code asked at
sign-in)."""
