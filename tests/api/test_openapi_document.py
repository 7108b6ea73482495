"""The OpenAPI document: each operation named (operationId, unique), with an example of what it
takes and returns, and links from each response to where its values lead (the walk
schemathesis's stateful run takes: draft -> sections -> pay -> submit -> PDF)."""

from __future__ import annotations

import re

import pytest

METHODS = {"get", "post", "patch", "put", "delete"}


@pytest.fixture
def spec(client):
    return client.get("/api/v1/openapi.json").get_json()


def _operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def test_every_operation_has_a_unique_operation_id(spec):
    ids = [operation["operationId"] for _path, _method, operation in _operations(spec)]
    assert len(ids) == len(set(ids)) >= 30
    assert all(re.fullmatch(r"[a-z][A-Za-z]+", operation_id) for operation_id in ids)


def test_every_operation_has_an_example_of_its_body_and_its_answer(spec):
    for path, method, operation in _operations(spec):
        for content_type, content in operation.get("requestBody", {}).get("content", {}).items():
            assert "example" in content, (method, path, content_type)
        successes = {s: r for s, r in operation["responses"].items() if s.startswith("2")}
        assert successes, (method, path)
        for status, response in successes.items():
            for content_type, content in response.get("content", {}).items():
                if content_type.startswith("application/json"):
                    assert "example" in content, (method, path, status)


def test_links_name_real_operations_and_their_parameters(spec):
    by_id = {operation["operationId"]: (path, operation)
             for path, _method, operation in _operations(spec)}
    count = 0
    for _path, _method, operation in _operations(spec):
        for response in operation["responses"].values():
            for link in response.get("links", {}).values():
                target_path, target = by_id[link["operationId"]]
                path = {name for name in link["parameters"] if not name.startswith("header.")}
                assert path == set(re.findall(r"{(\w+)}", target_path))
                headers = {name.removeprefix("header.") for name in link["parameters"]} - path
                assert headers <= {parameter["name"] for parameter in target.get(
                    "parameters", []) if parameter["in"] == "header"}
                count += 1
    assert count > 50


def _targets(spec, operation_id, status):
    operation = next(op for _p, _m, op in _operations(spec) if op["operationId"] == operation_id)
    return {link["operationId"] for link in operation["responses"][status]["links"].values()}


def test_links_walk_from_a_draft_to_its_confirmation(spec):
    assert {"saveCode", "saveWorker", "saveJob", "saveWages", "saveAttestations",
            "payAndSubmit", "claimFeeExemption"} <= _targets(spec, "createOffer", "201")
    assert {"payAndSubmit", "validateOffer"} <= _targets(spec, "saveAttestations", "200")
    assert "submitOffer" in _targets(spec, "claimFeeExemption", "200")
    assert {"downloadConfirmation", "withdrawOffer"} <= _targets(spec, "payAndSubmit", "201")
    assert "downloadConfirmation" in _targets(spec, "submitOffer", "201")
    assert "readRefund" in _targets(spec, "withdrawOffer", "200")
