"""Compliance inspections of an employer, from the opening notice to the penalty (issue 19).

Guarantees of the package:
- only administrators open an inspection, record findings, issue the preliminary notice and
  decide (Forbidden otherwise); an employer reads, answers and pays only its own inspections
  (NotFound for anyone else's, so an inspection's existence does not leak);
- deadlines come from rules.compliance.deadlines (deemed receipt, 30-day periods) on the clock's
  day; the offers in scope from its six-year window; the consequence from assess_notice;
- a decision's ban goes through compliance.bans (the public list, the work permit refusal); a
  penalty in default makes the employer ineligible (compliance.standing);
- every change is audited (ids and statuses only), the employer is told through the outbox in
  its users' language, and employer.inspection_opened / employer.penalty_imposed are emitted.

Modules: `access` (reading), `opening` (scope, open, voluntary disclosure), `answers`,
`findings` (record and compute), `decisions` (preliminary, reply, final), `penalties`.
"""
