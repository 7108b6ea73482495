"""Offers of employment, from the first draft to matched or withdrawn.

Guarantees of the package:
- only the offer's employer's users and administrators see or change an offer (`access`): a
  missing offer and someone else's both raise NotFound;
- only drafts change (`drafts`, `evidence`); users with the "prepare" permission cannot pay,
  submit or withdraw;
- submitting is one transaction: fee (a payment or an exemption), a unique random number and the
  pending status commit together or not at all (`submission`), after the same review the review
  page shows (`review`);
- after submission an offer is matched once, or withdrawn with its fee refunded as a refund
  record (`lifecycle`); payments are never deleted;
- the card processor is simulated and accepts only published test cards (`payments`);
- the employer's queue lists and exports only the employer's own offers, in a constant number of
  queries per page (`queue`);
- the pages and the PDF read an offer through one read model (`details`: the offer, its code
  entry, NOC unit group and payment, loaded once).

Modules: access, details, drafts, evidence, review, payments, submission, lifecycle, queue.
"""
