"""The OpenAPI document's links carry the whole flow: followed by name, exactly as the document
writes them (each link's parameters and request body, its runtime expressions resolved from the
response it leaves), they take an offer from an empty draft through its five sections to
payment with the test card and its number, then to the worker's offer check, the work permit
step that references the number, and its status; and from the list of offers to a complete
draft, its payment and its withdrawal with the refund. Schemathesis's stateful run
(test_live_portal.py) follows the same links with random choices; this walks them in order, so
a link whose body the portal refuses (a stale date, a renamed field) fails here."""

from __future__ import annotations

import itertools
import re
from typing import Any

import pytest

from tests.api_helpers import bearer, make_key
from tests.refunds_helpers import issue_refunds

EXPRESSION = re.compile(
    r"^\$(?P<source>request\.path\.|response\.body#|response\.header\.)(?P<rest>.*)$")
EMBEDDED = re.compile(r"\{(\$[^}]+)\}")
_keys = itertools.count()


class Walk:
    """Follows the document's links from one response to the next."""

    def __init__(self, client, token: str) -> None:
        self.client, self.token = client, token
        self.document = client.get("/api/v1/openapi.json").get_json()
        self.operations = {operation["operationId"]: (path, method, operation)
                           for path, item in self.document["paths"].items()
                           for method, operation in item.items() if isinstance(operation, dict)}

    def call(self, operation_id: str, path_parameters: dict[str, Any] | None = None,
             body: Any = None, headers: dict[str, str] | None = None
             ) -> tuple[Any, dict[str, Any]]:
        path, method, _ = self.operations[operation_id]
        url = path.format(**(path_parameters or {}))
        headers = bearer(self.token, **(headers or {"Idempotency-Key": f"walk-{next(_keys)}"}))
        response = self.client.open(url, method=method.upper(), json=body, headers=headers)
        return response, {"path": path_parameters or {}}

    def follow(self, source: str, status: int, link_name: str, response: Any,
               request: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        """Call the operation the named link of `source`'s `status` response points to."""
        links = self.operations[source][2]["responses"][str(status)].get("links", {})
        assert link_name in links, f"{source} {status} has no link {link_name}: {sorted(links)}"
        link = links[link_name]
        context = {"body": response.get_json(), "path": request["path"],
                   "header": response.headers}
        parameters = {name: _resolve(value, context)
                      for name, value in link.get("parameters", {}).items()}
        headers = {name.removeprefix("header."): value for name, value in parameters.items()
                   if name.startswith("header.")}
        path = {name: value for name, value in parameters.items()
                if not name.startswith("header.")}
        body = _resolve(link["requestBody"], context) if "requestBody" in link else None
        return self.call(link["operationId"], path, body, headers or None)


def _resolve(value: Any, context: dict[str, Any]) -> Any:
    """A runtime expression ($response.body#/pointer, $response.header.name,
    $request.path.name, or one embedded in a string as {$...}) inside a link's parameter or
    body, resolved as OpenAPI 3.1 says; anything else is a literal."""
    if isinstance(value, dict):
        return {key: _resolve(item, context) for key, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, context) for item in value]
    if isinstance(value, str) and EMBEDDED.search(value):
        return EMBEDDED.sub(lambda found: str(_resolve(found[1], context)), value)
    match = EXPRESSION.match(value) if isinstance(value, str) else None
    if not match:
        return value
    if match["source"] == "request.path.":
        return context["path"][match["rest"]]
    if match["source"] == "response.header.":
        return context["header"][match["rest"]]
    found = context["body"]
    for part in match["rest"].strip("/").split("/"):
        found = found[int(part)] if isinstance(found, list) else found[part]
    return found


def _ok(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.get_json()
    return response.get_json()


@pytest.fixture
def walk(client, employer_user) -> Walk:
    return Walk(client, make_key(employer_user))


SECTIONS = ("saveCode", "saveWorker", "saveJob", "saveWages", "saveAttestations")


def test_the_links_take_an_empty_draft_to_its_number_and_the_worker_to_a_matched_permit(walk):
    draft, request = walk.call("createOffer", body={})
    _ok(draft, 201)
    source, status, last = "createOffer", 201, draft
    for section in SECTIONS:  # each from the previous section's answer, as a walk would
        last, request = walk.follow(source, status, f"{section}WithExample", last, request)
        _ok(last, 200)
        source, status = section, 200
    assert _ok(walk.call("validateOffer", request["path"])[0], 200)["ready"] is True

    paid, request = walk.follow(source, 200, "payAndSubmitWithExample", last, request)
    offer = _ok(paid, 201)["offer"]
    assert re.fullmatch(r"A\d{7}", offer["number"]) and offer["status"] == "pending"

    checked, _ = walk.follow("payAndSubmit", 201, "verifyOfferAsTheWorker", paid, request)
    assert _ok(checked, 200)["verified"] is True
    applied, request = walk.follow("payAndSubmit", 201, "applyForTheWorkPermit", paid, request)
    application = _ok(applied, 201)
    assert application["offer_number"] == offer["number"]
    assert re.fullmatch(r"W\d{9}", application["number"])
    status, _ = walk.follow("apply", 201, "readTheApplicationStatus", applied, request)
    assert _ok(status, 200)["number"] == application["number"]
    offer_now = _ok(walk.call("readOffer", {"offer_id": offer["id"]})[0], 200)
    assert offer_now["status"] == "matched"


def test_the_links_take_the_list_to_a_complete_draft_paid_then_withdrawn(walk):
    listed, request = walk.call("listOffers")
    _ok(listed, 200)
    draft, request = walk.follow("listOffers", 200, "createCompleteDraft", listed, request)
    assert _ok(draft, 201)["status"] == "draft"
    paid, request = walk.follow("createOffer", 201, "payAndSubmitWithExample", draft, request)
    assert _ok(paid, 201)["payment"]["result"] == "succeeded"
    withdrawn, _ = walk.follow("payAndSubmit", 201, "withdrawOfferWithExample", paid, request)
    assert _ok(withdrawn, 200)["offer"]["status"] == "withdrawn"
    assert withdrawn.get_json()["offer"]["fee_status"] == "refunded"
    offer_id = withdrawn.get_json()["offer"]["id"]
    refund = _ok(walk.call("readRefund", {"offer_id": offer_id})[0], 200)
    assert refund["state"] == "requested" and refund["next_step_on"]
    issue_refunds()  # its business days on the clock, the hourly task
    refund = _ok(walk.call("readRefund", {"offer_id": offer_id})[0], 200)
    assert refund["state"] == "issued" and refund["next_step_on"] is None
