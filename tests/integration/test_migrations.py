"""`flask db upgrade` builds a fresh database, and the migrations agree with the models."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from portal.extensions import db
from tests.databases import app_at_revision


def migrations_env_include_name(name, type_, parent_names):
    """migrations/env.py's filter: SQLite's FTS5 search tables are not the models'."""
    return not (type_ == "table" and name in SEARCH_TABLES)


SEARCH_TABLES = {f"{base}_search{part}" for base in ("offer", "employer")
                 for part in ("", "_data", "_idx", "_docsize", "_config")}


@pytest.fixture
def migrated_app(tmp_path):
    with app_at_revision(tmp_path) as app:
        yield app


def test_upgrade_builds_every_table(migrated_app):
    tables = set(inspect(db.engine).get_table_names())
    assert set(db.metadata.tables) <= tables
    assert "alembic_version" in tables


# SQLite's reflection cannot read expression indexes (the dashboard's sort indexes): it skips
# them with this warning, and test_expression_indexes_are_built checks them by name; on
# PostgreSQL they are reflected and compared like the others.
@pytest.mark.filterwarnings(
    "ignore:Skipped unsupported reflection of expression-based index:sqlalchemy.exc.SAWarning"
)
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based")
def test_migrations_and_models_agree(migrated_app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "render_as_batch": True,
                        "include_name": migrations_env_include_name}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == [], differences


def test_expression_indexes_are_built(migrated_app):
    expected = {
        index.name for index in db.metadata.tables["offer"].indexes
        if index.name and index.name.startswith("ix_offer_sort_")
    }
    if db.engine.dialect.name == "sqlite":
        query = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'offer'"
    else:
        query = "SELECT indexname FROM pg_indexes WHERE tablename = 'offer'"
    with db.engine.connect() as conn:
        built = set(conn.scalars(text(query)))
    assert len(expected) == 8 and expected <= built


def test_search_objects_are_built_and_follow_the_rows(migrated_app):
    """Migration 0032: the search indexes exist at head and, on SQLite, the FTS5 tables'
    triggers follow inserts, updates and deletes (a later batch rebuild of offer or employer
    would drop them: this test says so)."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "sqlite":
            triggers = set(conn.scalars(text(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")))
            assert {f"{t}_search_{w}" for t in ("offer", "employer")
                    for w in ("insert", "update", "delete")} <= triggers
        else:
            built = set(conn.scalars(text("SELECT indexname FROM pg_indexes")))
            assert {"ix_offer_trgm_family", "ix_offer_trgm_given", "ix_offer_trgm_number",
                    "ix_employer_trgm_legal", "ix_employer_trgm_operating",
                    "ix_employer_trgm_business_number"} <= built
        assert {"ix_offer_family_prefix", "ix_employer_operating_prefix"} <= set(
            conn.scalars(text("SELECT name FROM sqlite_master WHERE type = 'index'"))
            if db.engine.dialect.name == "sqlite"
            else conn.scalars(text("SELECT indexname FROM pg_indexes")))


# Migration 0007: work permit decisions stored as codes and parameters, not as EN/FR text.

def _old_texts(message):
    from portal.catalogue import say_in

    return say_in(message, "en"), say_in(message, "fr")


def _old_row():
    """An application as the portal stored it before 0007, texts worded by the catalogue."""
    from portal.rules.messages import Message

    def reasons(*messages):
        pairs = [_old_texts(m) for m in messages]
        return {"en": [en for en, _ in pairs], "fr": [fr for _, fr in pairs]}

    processing_en, processing_fr = _old_texts(Message("fee_line.processing"))
    bio_en, bio_fr = _old_texts(Message("fee_line.biometrics"))
    us_en, us_fr = _old_texts(Message("fee_line.biometrics_us"))
    note_en, note_fr = _old_texts(Message.of("travel.special_rules", note="Check the passport."))
    return {
        "id": 1, "number": "W000000001", "permit_type": "open", "status": "submitted",
        "family_name": "Doe", "date_of_birth": dt.date(1990, 1, 1), "citizenship": "IN",
        "passport_number": "P1", "passport_expiry": dt.date(2030, 1, 1),
        "residence_country": "IN", "language": "fr", "applies_from": "outside",
        "in_canada_now": False, "biometrics": "later", "upfront_medical": False,
        "family_size": 1, "fees_total_cents": 15500, "travel_document": "visa",
        "medical_required": True, "gss_eligible": False, "poe_allowed": False,
        "submitted_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        "fee_lines": [
            {"key": "processing", "label_en": processing_en, "label_fr": processing_fr,
             "amount_cents": 15500, "exempt_reason_en": None, "exempt_reason_fr": None},
            {"key": "biometrics", "label_en": bio_en, "label_fr": bio_fr, "amount_cents": 0,
             "exempt_reason_en": us_en, "exempt_reason_fr": us_fr},
        ],
        "travel_note": {"en": note_en, "fr": note_fr},
        "medical_reasons": reasons(Message.of("medical.long_stay", countries="IN, PH")),
        "gss_reasons": reasons(Message("gss.not_online"), Message("gss.biometrics_late")),
        # The second reason is no catalogue wording: an older portal's text, kept as it was.
        "poe_reasons": {
            "en": [_old_texts(Message.of("poe.code_excluded", code="C10"))[0], "Old words."],
            "fr": [_old_texts(Message.of("poe.code_excluded", code="C10"))[1], "Vieux mots."],
        },
    }


JSON_COLUMNS = ("fee_lines", "travel_note", "medical_reasons", "gss_reasons", "poe_reasons")


@pytest.fixture
def app_at_0006(tmp_path):
    with app_at_revision(tmp_path, "0006") as app:
        yield app


def _stored(columns=JSON_COLUMNS):
    table = sa.table("work_permit_application", *(sa.column(c, sa.JSON) for c in columns))
    with db.engine.connect() as conn:
        return dict(conn.execute(sa.select(table)).mappings().one())


def test_0007_stores_decisions_as_codes_and_words_them_as_before(app_at_0006):
    from portal.catalogue import say_in
    from portal.rules.messages import Message

    old = _old_row()
    table = sa.table("work_permit_application",
                     *(sa.column(c, sa.JSON if c in JSON_COLUMNS else None) for c in old))
    with db.engine.begin() as conn:
        conn.execute(table.insert().values(**old))
    upgrade(revision="0007")

    new = _stored()
    assert [line["label"]["code"] for line in new["fee_lines"]] == [
        "fee_line.processing", "fee_line.biometrics"]
    assert new["fee_lines"][1]["exempt_reason"] == {"code": "fee_line.biometrics_us",
                                                    "params": {}}
    assert new["fee_lines"][0]["exempt_reason"] is None
    assert new["travel_note"] == {"code": "travel.special_rules",
                                  "params": {"note": "Check the passport."}}
    assert new["medical_reasons"] == [{"code": "medical.long_stay",
                                       "params": {"countries": "IN, PH"}}]
    assert [r["code"] for r in new["gss_reasons"]] == ["gss.not_online", "gss.biometrics_late"]
    assert new["poe_reasons"] == [
        {"code": "poe.code_excluded", "params": {"code": "C10"}},
        {"code": "stored.text", "params": {"en": "Old words.", "fr": "Vieux mots."}},
    ]
    # Worded again, every text reads word for word as it was stored, in both languages.
    for column in ("medical_reasons", "gss_reasons", "poe_reasons"):
        for lang in ("en", "fr"):
            assert [say_in(Message.from_json(r), lang) for r in new[column]] == old[column][lang]
    for lang in ("en", "fr"):
        assert say_in(Message.from_json(new["travel_note"]), lang) == old["travel_note"][lang]
        for line, before in zip(new["fee_lines"], old["fee_lines"], strict=True):
            assert say_in(Message.from_json(line["label"]), lang) == before[f"label_{lang}"]

    downgrade(revision="0006")
    assert _stored() == {column: old[column] for column in JSON_COLUMNS}


@pytest.fixture
def app_at_0020(tmp_path):
    with app_at_revision(tmp_path, "0020") as app:
        yield app


def test_0021_stores_refund_causes_as_codes_worded_in_each_language(app_at_0020):
    from flask_babel import force_locale

    from portal.models.enums import RefundCause

    refund = sa.table("refund", *(sa.column(c) for c in (
        "id", "payment_id", "amount_cents", "reason", "created_at")))
    old = ["Offer withdrawn by the employer", "Work permit application refused", "Other words."]
    rows = [{"id": n, "payment_id": n, "amount_cents": 23000, "reason": reason,
             "created_at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}
            for n, reason in enumerate(old, start=1)]
    # The refunds alone, their payments' rows not needed: foreign keys off for this connection
    # (SQLite: on the driver's own connection, outside any transaction, where the pragma works).
    if db.engine.dialect.name == "sqlite":
        raw = db.engine.raw_connection()
        raw.driver_connection.execute("PRAGMA foreign_keys=OFF")
        raw.driver_connection.executemany(
            "INSERT INTO refund (id, payment_id, amount_cents, reason, created_at) "
            "VALUES (:id, :payment_id, :amount_cents, :reason, :created_at)",
            [{**row, "created_at": row["created_at"].isoformat(" ")} for row in rows])
        raw.close()
    else:
        with db.engine.begin() as conn:
            conn.execute(text("SET session_replication_role = replica"))
            conn.execute(refund.insert(), rows)
    upgrade(revision="0021")

    def stored():
        with db.engine.connect() as conn:
            return list(conn.execute(sa.select(refund.c.reason).order_by(refund.c.id)).scalars())

    assert stored() == ["offer_withdrawn", "work_permit_refused", "Other words."]
    with app_at_0020.test_request_context(), force_locale("fr"):
        assert str(RefundCause(stored()[0]).label).startswith("L'offre a été retirée")
    downgrade(revision="0020")
    assert stored() == old
