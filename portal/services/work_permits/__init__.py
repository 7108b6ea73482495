"""The worker's side: checking an offer, applying for a work permit, and the officer's decision.

Guarantees of the package:
- an employer-specific application matches an offer only on IRCC's exact terms (number, passport
  number and citizenship, `portal.rules.matching`), and the application and the offer's
  pending -> matched change commit together (`applications`);
- the offer check (`verification`) answers every failure the same way, logs each attempt with
  keyed hashes only, and limits failures per number across processes;
- what the worker typed is kept as typed and checked for its shape and the 2025 family rules
  before anything is written (`details`); the "Other" type is accepted only for an employer
  the administrators' registry holds as exempt from the regime (`other_permits`);
- a decision is final, and a refusal refunds the employer's fee (`decisions`);
- messages to the employer carry no personal data of the worker (`messages`).
"""
