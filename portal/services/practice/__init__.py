"""Practice cases for learners (issue 17 item 4), on the pure cases and grader of
portal.rules.practice.

- `employers`: "Start this case" makes a fresh practice employer from the case's brief, with
  the learner as its primary user (a membership, as a representative acts for several
  employers), marked as practice so no administrator's list shows it.
- `results`: "Check my work" reads the practice employer's offers as an `Attempt`, grades it
  and keeps the score; the learner's progress; the instructor's cohort (every learner) and its
  CSV.

Learners are any signed-in employer user: there is no separate kind of account.
"""
