"""How long a batch keeps the rows as uploaded: the cells hold the workers' personal data (names,
dates of birth, passport numbers), which the offers made from them keep on their own.

- A confirmed batch keeps its rows' cells for the retention (BATCH_ROWS_RETENTION_HOURS, 24 by
  default) after its confirmation, then `purge_rows` empties them and marks the batch
  (rows_purged_at). What the batch page shows stays: the row numbers, each row's status and
  errors, the offer made from it, and so the counts and each offer's state and number.
- A dry run never confirmed within the retention is deleted with its rows: without its cells it
  could not be confirmed, and the same file uploaded again checks it afresh.

The periodic sweep (portal/jobs/sweep.py) calls `purge_rows` every minute.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update

from portal import clock
from portal.database import write_transaction
from portal.extensions import db
from portal.models import Batch, BatchRow


@dataclass(frozen=True)
class Purged:
    confirmed: int  # confirmed batches whose rows' cells were emptied
    dry_runs: int  # dry runs deleted


def purge_rows(*, retention: timedelta) -> Purged:
    """Empty the cells of the batches confirmed more than `retention` ago and delete the dry
    runs older than it (see the module). Commits; returns how many of each."""
    cutoff = clock.now() - retention
    with write_transaction():
        confirmed = list(db.session.scalars(select(Batch.id).where(
            Batch.confirmed_at.is_not(None), Batch.confirmed_at <= cutoff,
            Batch.rows_purged_at.is_(None))))
        if confirmed:
            db.session.execute(update(BatchRow).where(BatchRow.batch_id.in_(confirmed))
                               .values(cells={}), execution_options={"synchronize_session": False})
            db.session.execute(update(Batch).where(Batch.id.in_(confirmed))
                               .values(rows_purged_at=clock.now()),
                               execution_options={"synchronize_session": False})
        # The batch first, only while still unconfirmed (a confirm at the same moment wins);
        # its rows go with it (ON DELETE CASCADE), and explicitly for good measure.
        dry_runs = list(db.session.scalars(
            delete(Batch).where(Batch.confirmed_at.is_(None), Batch.created_at <= cutoff)
            .returning(Batch.id), execution_options={"synchronize_session": False}))
        if dry_runs:
            db.session.execute(delete(BatchRow).where(BatchRow.batch_id.in_(dry_runs)),
                               execution_options={"synchronize_session": False})
    db.session.expire_all()
    return Purged(confirmed=len(confirmed), dry_runs=len(dry_runs))
