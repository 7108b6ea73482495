"""Refund reasons as codes: refund.reason holds a RefundCause value ("offer_withdrawn",
"work_permit_refused"), worded in the reader's language where it is read, instead of the two
English sentences the services wrote. Existing rows are converted; any other text (none was
ever written by the portal) is left as it is.

Revision ID: 0021
Revises: 0020
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

# (the English sentence once stored, the code that replaces it)
CAUSES = (
    ("Offer withdrawn by the employer", "offer_withdrawn"),
    ("Work permit application refused", "work_permit_refused"),
)
refund = sa.table("refund", sa.column("reason", sa.Text))


def upgrade():
    for sentence, code in CAUSES:
        op.execute(refund.update().where(refund.c.reason == sentence).values(reason=code))


def downgrade():
    for sentence, code in CAUSES:
        op.execute(refund.update().where(refund.c.reason == code).values(reason=sentence))
