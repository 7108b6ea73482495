"""GET /api/v1/docs: the API reference as a page, rendered on the server from the OpenAPI
document (no JavaScript and no CDN: the portal works offline), in English or French.

Each operation shows its method and path, what it does, the scope its key needs, its
parameters, an example of its body and of its answer, and the statuses it can give. Titles and
the page's own words are translated; the document's longer descriptions are English (marked
lang="en")."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from flask import current_app, render_template
from flask.typing import ResponseReturnValue
from flask_babel import LazyString
from flask_babel import lazy_gettext as _l
from flask_smorest.spec.plugins import FlaskPlugin

from portal.access import public
from portal.api.problems import TITLES as PROBLEM_TITLES

METHODS = ("get", "post", "patch", "put", "delete")
GROUPS: dict[str, LazyString] = {
    "api_account": _l("Your key"),
    "api_offers": _l("Offers"),
    "api_offer_sections": _l("Sections of a draft"),
    "api_offer_actions": _l("Paying, submitting and withdrawing"),
    "api_evidence": _l("Evidence files"),
    "api_reference": _l("Reference data"),
    "api_worker": _l("The worker's side"),
}
TITLES: dict[str, LazyString] = {
    "whoAmI": _l("Who am I"),
    "createOffer": _l("Create a draft"),
    "listOffers": _l("List offers"),
    "readOffer": _l("Read an offer"),
    "deleteOffer": _l("Delete a draft"),
    "copyOffer": _l("Copy an offer"),
    "validateOffer": _l("Validate an offer"),
    "saveCode": _l("Save the exemption code section"),
    "saveWorker": _l("Save the foreign worker section"),
    "saveJob": _l("Save the job section"),
    "saveWages": _l("Save the wages and benefits section"),
    "saveAttestations": _l("Save the attestations"),
    "payAndSubmit": _l("Pay the fee and submit"),
    "claimFeeExemption": _l("Claim the fee exemption"),
    "submitOffer": _l("Submit a fee-exempt offer"),
    "withdrawOffer": _l("Withdraw a pending offer"),
    "readReceipt": _l("The fee receipt"),
    "readRefund": _l("The fee refund"),
    "downloadConfirmation": _l("The confirmation PDF"),
    "listEvidence": _l("List the evidence"),
    "uploadEvidence": _l("Upload an evidence file"),
    "downloadEvidence": _l("Download an evidence file"),
    "deleteEvidence": _l("Delete an evidence file"),
    "listCodes": _l("List the exemption codes"),
    "readCode": _l("Read an exemption code"),
    "searchNocGroups": _l("Search NOC 2021"),
    "findCodes": _l("Which exemption code fits?"),
    "verifyOffer": _l("Check an offer number"),
    "apply": _l("Apply for the work permit"),
    "applicationStatus": _l("Read an application's result"),
}


SUCCESS_TITLES: dict[int, LazyString] = {
    200: _l("Done"), 201: _l("Created"), 204: _l("Done, nothing to send back")}


def _status_title(status: int) -> str:
    title = SUCCESS_TITLES.get(status) or PROBLEM_TITLES.get(status)
    return str(title) if title else ""


@dataclass
class Operation:
    id: str
    method: str
    path: str
    title: str
    title_lang: str | None  # "en" when the title has no translation (the document's summary)
    description: str
    scope: str | None
    parameters: list[dict[str, Any]]
    body_type: str | None
    body_example: str | None
    answer_example: str | None
    statuses: list[tuple[str, str]]


@dataclass
class Group:
    tag: str
    title: str
    description: str
    operations: list[Operation] = field(default_factory=list)


def _scopes() -> dict[tuple[str, str], str | None]:
    """The scope each operation's key needs, from its view (None: public)."""
    found = {}
    for rule in current_app.url_map.iter_rules():
        view = current_app.view_functions[rule.endpoint]
        scope = getattr(view, "required_scope", None)
        for method in rule.methods or ():
            found[(FlaskPlugin.flaskpath2openapi(rule.rule), method.lower())] = (
                scope.value if scope is not None else None)
    return found


def _example(content: dict[str, Any] | None) -> tuple[str | None, str | None]:
    """The first content type of a body or an answer, and its example as indented JSON."""
    if not content:
        return None, None
    content_type, media = next(iter(content.items()))
    if "example" not in media:
        return content_type, None
    return content_type, json.dumps(media["example"], indent=2, ensure_ascii=False)


def _parameter(parameter: dict[str, Any]) -> dict[str, Any]:
    schema = parameter.get("schema", {})
    kind = schema.get("type", "string")
    if "enum" in schema:
        kind = " | ".join(str(value) for value in schema["enum"])
    return {"name": parameter["name"], "in": parameter["in"],
            "required": parameter.get("required", False), "type": kind,
            "description": parameter.get("description", "")}


def _operation(path: str, method: str, item: dict[str, Any], scope: str | None) -> Operation:
    operation = item[method]
    parameters = [_parameter(p) for p in (*item.get("parameters", ()),
                                          *operation.get("parameters", ()))]
    body_type, body_example = _example(operation.get("requestBody", {}).get("content"))
    success: dict[str, Any] = next(
        (r for s, r in sorted(operation["responses"].items()) if s[0] == "2"), {})
    answer_type, answer_example = _example(success.get("content"))
    statuses = [(status, _status_title(int(status)))
                for status in sorted(operation["responses"]) if status != "default"]
    if answer_type and answer_example is None:
        answer_example = answer_type
    title = TITLES.get(operation["operationId"])
    return Operation(
        id=operation["operationId"], method=method.upper(), path=path,
        title=str(title) if title else operation.get("summary", operation["operationId"]),
        title_lang=None if title else "en",
        description=operation.get("description", ""), scope=scope, parameters=parameters,
        body_type=body_type, body_example=body_example, answer_example=answer_example,
        statuses=statuses)


def reference_groups(spec: dict[str, Any]) -> list[Group]:
    """The document's operations by tag, in the document's order."""
    scopes = _scopes()
    groups = {tag["name"]: Group(tag["name"], str(GROUPS.get(tag["name"], tag["name"])),
                                 tag.get("description", ""))
              for tag in spec.get("tags", ())}
    for path, item in spec["paths"].items():
        for method in METHODS:
            if method in item:
                tag = item[method].get("tags", ["api"])[0]
                group = groups.setdefault(tag, Group(tag, tag, ""))
                group.operations.append(
                    _operation(path, method, item, scopes.get((path, method))))
    return [group for group in groups.values() if group.operations]


@public
def reference_page() -> ResponseReturnValue:
    """The API reference, readable without JavaScript."""
    from portal.api import api

    spec = api.spec.to_dict()
    return render_template("api/reference.html", spec=spec, groups=reference_groups(spec))
