"""The employer compliance regime of the IMP (IRPR R209.2-R209.997, Schedule 2), as pure rules.

- `conditions`: the conditions an employer must meet (R209.2, R209.4) and the justifications the
  Regulations accept for each (R209.2(3), (3.1), (4), R209.4(2)); `justifications` checks a claim.
- `deadlines`: deemed receipt of notices, response and payment periods, the six-year window.
- `points`: Schedule 2 Tables 2-5 (AMP, ban, history, severity), business size, disclosure.
- `violations`: findings per condition and worker turned into violations (R209.96).
- `consequences`: the notice-level computation (caps, longest ban, warning, publication).
- `status`: whether an employer is eligible today (ban served, AMP in default).

Everything speaks in stable codes with parameters (`Step`, `Problem` in `explain`); the edge
renders them from one catalogue. Nothing here reads the clock: "today" is always a parameter.
"""
