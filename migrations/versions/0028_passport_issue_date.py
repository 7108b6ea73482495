"""the worker's application holds the passport's issue date (issue 13 item 14), as IRCC's
application form asks it, so the passport's dates are checked together: issued after the birth,
expiring after the issue. Nullable: applications made before it keep working without one.

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("work_permit_application", schema=None) as batch_op:
        batch_op.add_column(sa.Column("passport_issue_date", sa.Date(), nullable=True))


def downgrade():
    with op.batch_alter_table("work_permit_application", schema=None) as batch_op:
        batch_op.drop_column("passport_issue_date")
