"""practice cases (issue 17 item 4): a practice employer names its case and its learner (so it
is kept out of the administrators' lists), a user may be an instructor, and each "Check my
work" keeps its score (the progress page and the instructor's results read them).

Revision ID: 0029
Revises: 0028
"""

import sqlalchemy as sa
from alembic import op

revision = "0029"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("practice_case_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("practice_learner_id", sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f("ix_employer_practice_learner_id"),
                              ["practice_learner_id"], unique=False)
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_instructor", sa.Boolean(), nullable=False,
                                      server_default=sa.false()))
    op.create_table(
        "practice_result",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("employer_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("graded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("score >= 0 AND score <= 100",
                           name=op.f("ck_practice_result_score_range")),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"],
                                name=op.f("fk_practice_result_user_id_user_account")),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"],
                                name=op.f("fk_practice_result_employer_id_employer")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_result")),
    )
    op.create_index("ix_practice_result_user_case", "practice_result", ["user_id", "case_id"])


def downgrade():
    op.drop_index("ix_practice_result_user_case", table_name="practice_result")
    op.drop_table("practice_result")
    with op.batch_alter_table("user_account", schema=None) as batch_op:
        batch_op.drop_column("is_instructor")
    with op.batch_alter_table("employer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_employer_practice_learner_id"))
        batch_op.drop_column("practice_learner_id")
        batch_op.drop_column("practice_case_id")
