"""The confirmation PDFs on the queue: a submission asks for both languages once it has
committed; the first download is then served from the store; the download still renders on
demand when the task has not run; the task is idempotent; and a real consumer process does the
work, including after a consumer was killed in the middle of it."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator

import pytest
from flask import Flask
from pypdf import PdfReader
from sqlalchemy import func, select

from portal.extensions import db, queue
from portal.models import Offer, OfferDocument
from portal.services.documents import confirmation as documents
from tests.conftest import TEST_PASSWORD
from tests.jobs_helpers import ConsumerProcess, new_queue_name, queue_url, wait_for
from tests.offers_helpers import complete_draft


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The language (<html lang>) of every PDF render in this process; the real renderer runs."""
    seen: list[str] = []
    real = documents.render_pdf

    def spy(html: str) -> bytes:
        found = re.search(r'<html lang="(\w\w)', html)
        assert found, html[:200]
        seen.append(found.group(1))
        return real(html)

    monkeypatch.setattr(documents, "render_pdf", spy)
    return seen



def pay(client, offer_id: int, card: str = "4242 4242 4242 4242"):
    return client.post(f"/employer/offers/{offer_id}/pay", data={
        "card_number": card, "expiry": "12/29", "cvc": "123",
        "idempotency_key": f"key-{offer_id}-{card[-4:]}-0123456789", "pay": "1"})


def stored_languages(offer_id: int) -> list[str]:
    db.session.commit()  # a fresh snapshot (SQLite readers keep theirs)
    return sorted(db.session.scalars(
        select(OfferDocument.language).where(OfferDocument.offer_id == offer_id)))


def test_submission_renders_both_languages_and_the_first_download_is_a_cache_hit(
        client, signed_in, immediate, renders):
    offer = complete_draft(signed_in)
    assert pay(client, offer.id).status_code == 302
    assert stored_languages(offer.id) == ["en", "fr"]
    assert sorted(renders) == ["en", "fr"]
    renders.clear()
    for lang in ("en", "fr"):
        pdf = client.get(f"/employer/offers/{offer.id}/confirmation.pdf?lang={lang}")
        assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert renders == []  # both downloads came from the store


def test_the_qr_code_of_a_queued_pdf_links_to_the_public_address(client, signed_in, immediate,
                                                                  monkeypatch):
    seen: list[str] = []
    real = documents._context

    def spy(*args, **kwargs):
        context = real(*args, **kwargs)
        seen.append(context.verification_url)
        return context

    monkeypatch.setattr(documents, "_context", spy)
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    number = db.session.get(Offer, offer.id).number
    assert seen and all(u.startswith(f"http://localhost/verify-offer?number={number}&code=")
                        for u in seen), seen


def test_a_declined_payment_queues_nothing(client, signed_in):
    offer = complete_draft(signed_in)
    assert pay(client, offer.id, "4000 0000 0000 0002").status_code == 200
    assert queue.pending_count() == 0


def test_without_a_consumer_the_download_renders_and_the_task_then_adds_only_the_rest(
        client, signed_in, renders):
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    assert queue.pending_count() == 1  # waiting for a consumer
    assert stored_languages(offer.id) == []
    pdf = client.get(f"/employer/offers/{offer.id}/confirmation.pdf?lang=en")
    assert pdf.status_code == 200 and renders == ["en"]
    assert queue.run_pending() == 1
    assert renders == ["en", "fr"]  # English was already stored: only French was rendered
    assert stored_languages(offer.id) == ["en", "fr"]
    # Running the task again (at-least-once delivery) changes nothing.
    queue.enqueue("documents.render_confirmation", offer_id=offer.id)
    queue.run_pending()
    assert renders == ["en", "fr"] and stored_languages(offer.id) == ["en", "fr"]


def test_the_sweep_queues_offers_whose_pdfs_are_missing(client, signed_in, renders):
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    queue.flush()  # the task was lost (a consumer killed while running it)
    queue.enqueue("jobs.sweep")
    queue.run_pending()  # the sweep, which queues the render
    queue.run_pending()
    assert stored_languages(offer.id) == ["en", "fr"]
    queue.enqueue("jobs.sweep")
    queue.run_pending()
    assert queue.pending_count() == 0  # nothing left to do


# -- a real consumer process ----------------------------------------------------------------

@pytest.fixture
def consumer_app(make_app, app: Flask, database_url: str, tmp_path) -> Iterator[Flask]:
    """An app whose queue is a real one (Huey SQLite file, or TEST_QUEUE_URL), shared with the
    consumer processes the test starts."""
    name = new_queue_name()
    url = queue_url(tmp_path)
    other = make_app(QUEUE_URL=url, QUEUE_NAME=name)
    other.config["TEST_QUEUE"] = (url, name)
    with other.app_context():
        yield other
        queue.flush()


def signed_in_client(app: Flask, user):
    client = app.test_client()
    response = client.post("/sign-in", data={"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 302
    return client


def consumer(app: Flask, database_url: str) -> ConsumerProcess:
    url, name = app.config["TEST_QUEUE"]
    return ConsumerProcess(database_url=database_url, queue_url=url, queue_name=name)


@pytest.mark.real_commits  # the consumer is another process, with its own connection
def test_a_consumer_process_renders_the_pdfs_before_the_first_download(
        consumer_app, database_url, signed_in, renders):
    client = signed_in_client(consumer_app, signed_in)
    offer = complete_draft(signed_in)
    worker = consumer(consumer_app, database_url).start()
    try:
        pay(client, offer.id)
        wait_for(lambda: stored_languages(offer.id) == ["en", "fr"])
    finally:
        output = worker.stop()
    pdf = client.get(f"/employer/offers/{offer.id}/confirmation.pdf?lang=fr")
    assert pdf.status_code == 200 and pdf.data.startswith(b"%PDF")
    assert renders == [], output  # nothing rendered in this process: the consumer did it all


@pytest.mark.real_commits  # the consumer is another process, with its own connection
def test_a_consumer_killed_mid_task_leaves_the_work_to_the_next_one(
        consumer_app, database_url, signed_in):
    client = signed_in_client(consumer_app, signed_in)
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    assert queue.pending_count() == 1
    first = consumer(consumer_app, database_url).start()
    # The consumer has started the render (it takes a second or more): kill it there.
    first.wait_for_output("Executing portal.jobs.documents.documents.render_confirmation")
    first.kill()
    assert len(stored_languages(offer.id)) < 2, "the consumer finished before it was killed"
    second = consumer(consumer_app, database_url).start()
    try:
        wait_for(lambda: stored_languages(offer.id) == ["en", "fr"])
    finally:
        second.stop()
    db.session.commit()
    count = db.session.scalar(select(func.count(OfferDocument.id))
                              .where(OfferDocument.offer_id == offer.id))
    assert count == 2  # one PDF per language: no duplicate effect


def test_a_withdrawn_offers_pdfs_are_rendered_again_by_the_task(client, signed_in, renders):
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    queue.run_pending()
    renders.clear()
    r = client.post(f"/employer/offers/{offer.id}/withdraw",
                    data={"reason": "The worker declined the offer.", "confirm": "y"})
    assert r.status_code == 302, r.text
    assert queue.pending_count() == 1  # the new version's PDFs, asked for after the commit
    queue.run_pending()
    assert sorted(renders) == ["en", "fr"]
    renders.clear()
    pdf = client.get(f"/employer/offers/{offer.id}/confirmation.pdf?lang=en")
    assert pdf.status_code == 200 and renders == []  # a cache hit
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Withdrawn by the employer" in text


def test_a_matched_offers_pdfs_are_rendered_again_by_the_task(app, signed_in, renders):
    from portal.services.work_permits.applications import submit_application
    from tests.work_permits_helpers import WORKER as APPLICANT
    from tests.work_permits_helpers import details_for
    client = app.test_client()
    client.post("/sign-in", data={"email": signed_in.email, "password": TEST_PASSWORD})
    offer = complete_draft(signed_in)
    pay(client, offer.id)
    queue.run_pending()
    renders.clear()
    submit_application(details=details_for(db.session.get(Offer, offer.id)), actor=APPLICANT)
    queue.run_pending()
    assert sorted(renders) == ["en", "fr"]
    assert stored_languages(offer.id) == ["en", "fr"]
