"""The offers area's views, one module per stage: `drafts` (creating a draft, its sections,
evidence files and the review page), `submission` (the fee, submitting, the confirmation, its PDF
and the receipt) and `lifecycle` (viewing a submitted offer, withdrawing, copying, deleting).
Route modules never import each other: what they share is in portal/offers/views.py."""
