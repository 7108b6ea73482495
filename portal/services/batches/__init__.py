"""Batches of offers from a spreadsheet (issue 18): the template's columns, the dry run that
checks every row as the offer form checks a draft, confirming the valid rows into drafts in one
transaction, and paying and submitting them.

Guarantees of the package:
- a batch and its rows are seen only by its employer's users (a missing batch and someone
  else's both raise NotFound);
- a file is refused as a whole (BatchFileError, nothing written) when it is empty, over 5 MB or
  500 rows, not CSV in UTF-8 or XLSX, or has missing or extra columns;
- the dry run creates no offer; the same file uploaded again by the same employer finds the
  same batch (`checking`), so it never makes drafts twice;
- confirming creates every draft of the batch in one transaction, all or nothing, or leaving
  out the invalid rows when asked (`confirming`); a confirmed batch is never confirmed again;
- "pay and submit all" pays each draft's fee with its own idempotency key, derived from the
  batch and the offer, so a retry never charges an offer twice (`confirming`).

Modules: columns, files, stored, checking, confirming, spreadsheets.
"""
