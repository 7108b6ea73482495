"""Operations: /readyz checks the database and the queue; the admin home shows the queue's
depth, failed task attempts and the last audit checkpoint; the checkpoints page and its JSON
file; a request id on every response and log line (JSON logs when LOG_FORMAT=json)."""

from __future__ import annotations

import io
import json
import logging
from types import SimpleNamespace

import pytest
from sqlalchemy.exc import OperationalError

from portal.extensions import db, queue
from portal.logs import JsonFormatter, RequestIdFilter
from portal.services.actor import Actor
from portal.services.audit import chain as audit
from portal.services.audit import checkpoints
from portal.services.operations import health
from tests.admin_helpers import admin_client


def test_readyz_is_ready_when_the_database_and_the_queue_answer(client):
    response = client.get("/readyz")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    assert response.get_json() == {
        "status": "ready", "checks": {"database": {"ok": True}, "queue": {"ok": True}}
    }


def test_readyz_names_the_queue_when_it_is_down(client, monkeypatch):
    def down() -> None:
        raise ConnectionError("redis://secret-host:6379 refused")

    monkeypatch.setattr(queue, "ping", down)
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable" and body["checks"]["database"] == {"ok": True}
    assert body["checks"]["queue"] == {"ok": False, "reason": "ConnectionError"}
    assert "secret-host" not in response.get_data(as_text=True)  # the class, not the message


def test_readyz_names_the_database_when_it_is_down(app, client, monkeypatch):
    def down(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, Exception("connection refused"))

    monkeypatch.setattr(db.session, "execute", down)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["database"] == {
        "ok": False, "reason": "OperationalError"
    }


def test_every_response_carries_a_request_id_and_a_good_one_is_honoured(client):
    given = client.get("/healthz", headers={"X-Request-Id": "lb-7f3a.42_x"})
    assert given.headers["X-Request-Id"] == "lb-7f3a.42_x"
    made = client.get("/healthz").headers["X-Request-Id"]
    assert len(made) == 32 and made != client.get("/healthz").headers["X-Request-Id"]
    # Not a plain token (spaces, a header injection, too long): replaced by a fresh one.
    for bad in ("two words", "x" * 129, "a;b"):
        replaced = client.get("/healthz", headers={"X-Request-Id": bad}).headers["X-Request-Id"]
        assert replaced != bad and len(replaced) == 32


def test_json_logs_put_the_request_id_on_every_line(make_app):
    root = logging.getLogger()
    saved, level = root.handlers[:], root.level
    try:
        app = make_app(LOG_FORMAT="json")
        assert isinstance(root.handlers[0].formatter, JsonFormatter)  # the setting's handler
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)  # the same, writing where the test reads
        handler.setFormatter(JsonFormatter())
        handler.addFilter(RequestIdFilter())
        root.handlers[:] = [handler]
        root.setLevel(logging.INFO)
        app.test_client().get("/healthz?passport=XK123456", headers={"X-Request-Id": "req-1"})
        with app.test_request_context("/", headers={"X-Request-Id": "req-2"}):
            app.preprocess_request()
            logging.getLogger("portal.test").warning("something happened")
        logging.getLogger("portal.test").warning("outside any request")
    finally:
        root.handlers[:] = saved
        root.setLevel(level)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    request_line = next(line for line in lines if line["logger"] == "portal.request")
    assert request_line["request_id"] == "req-1" and request_line["path"] == "/healthz"
    assert request_line["status"] == 200 and request_line["method"] == "GET"
    assert [(line["request_id"], line["message"]) for line in lines
            if line["logger"] == "portal.test"] == [
        ("req-2", "something happened"), ("-", "outside any request")]
    assert "XK123456" not in stream.getvalue()  # no query string in the logs


def test_the_admin_home_shows_the_queue_failures_and_the_last_checkpoint(app):
    client = admin_client(app)
    health.record_failed_task(task_name="email.deliver", task_id="t-1", error="SMTPException",
                              will_retry=True)
    audit.record("test.event", actor=Actor.system())
    db.session.commit()
    number = checkpoints.write_checkpoint(signing_key=app.config["AUDIT_SIGNING_KEY"])
    assert number is not None
    html = client.get("/admin/").get_data(as_text=True)
    assert "memory storage: 0 waiting, 0 scheduled" in html
    assert "Failed task attempts (last 24 hours)" in html and "email.deliver" in html
    assert "SMTPException" in html and f"Checkpoint {number.id}, signed" in html
    french = client.get("/admin/?lang=fr").get_data(as_text=True)
    assert "Tentatives de tâches échouées" in french and "Point de contrôle 1, signé le" in french


def test_a_failing_task_attempt_is_recorded_by_the_consumer_signal(app):
    from portal.jobs import failures

    task = SimpleNamespace(name="documents.render_confirmation", id="abc", retries=2)
    failures.record_failure("error", task, RuntimeError("offer 12 for A1234567"))
    figures = health.queue_figures(actor=Actor(user_id=None, is_admin=True))
    assert figures.failed_recently == 1
    failure = figures.recent_failures[0]
    assert (failure.task_name, failure.error, failure.will_retry) == (
        "documents.render_confirmation", "RuntimeError", True)


def test_the_checkpoints_page_and_its_json_file(app):
    client = admin_client(app)
    audit.record("test.event", actor=Actor.system())
    db.session.commit()
    checkpoints.write_checkpoint(signing_key=app.config["AUDIT_SIGNING_KEY"])
    public = checkpoints.public_key_text(
        checkpoints.private_key(app.config["AUDIT_SIGNING_KEY"]))
    html = client.get("/admin/audit/checkpoints").get_data(as_text=True)
    assert public in html and "Download the checkpoints (JSON)" in html
    assert "Points de contrôle du journal d'audit" in client.get(
        "/admin/audit/checkpoints?lang=fr").get_data(as_text=True)
    response = client.get("/admin/audit/checkpoints.json")
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    document = json.loads(response.get_data(as_text=True))
    assert checkpoints.check_published(document, public_key=public).ok


@pytest.mark.parametrize("path", ["/admin/audit/checkpoints", "/admin/audit/checkpoints.json"])
def test_the_checkpoints_are_for_administrators_only(client, signed_in, path):
    assert client.get(path).status_code in (403, 404)
