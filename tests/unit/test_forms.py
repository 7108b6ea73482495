"""The base form strips surrounding spaces without changing the shared field definitions."""

from __future__ import annotations

from portal.worker.forms import VerifyOfferForm


def test_strip_filter_does_not_pile_up_across_requests(app):
    for _ in range(3):
        with app.test_request_context("/", method="POST", data={"number": "  A1234567 "}):
            form = VerifyOfferForm()
    assert form.number.data == "A1234567"
    assert len(form.number.filters) == 1
    assert "filters" not in VerifyOfferForm.number.kwargs
