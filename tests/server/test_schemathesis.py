"""schemathesis against the running mock server, over every operation of the spec.

Checks: no 5xx (the `x-unimplemented` routes answer their documented 501), documented status
codes, content types, headers and response schemas. Event streams are checked event by event
against the operation's `x-stream` event schema (schemathesis reads a 3.1 `text/event-stream`
schema as describing the raw `{event, data}` SSE record, which no SSE stream can satisfy).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import cache
from typing import Any

import jsonschema
import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.server.conftest import ServerThread
from tests.server.spec_requests import SPEC, spec

ST_KEY = "st-key"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]
STATS: dict[str, Any] = {"operations": set(), "cases": 0}
MAX_EXAMPLES = 10


@pytest.fixture(scope="module")
def st_server() -> Iterator[ServerThread]:
    from allllms_server import MockHandlers, create_app

    with ServerThread(create_app(MockHandlers(), auth=lambda k: k == ST_KEY)) as server:
        yield server


def load_operations() -> list[Any]:
    loaded = schemathesis.openapi.from_path(SPEC)
    return [r.ok() for r in loaded.get_all_operations() if r.ok().path != "/v1/realtime"]


# (schemathesis's pytest plugin does not load under this pytest; hypothesis drives it directly)
OPERATIONS = load_operations()


@cache
def event_validator(component: str) -> jsonschema.protocols.Validator:
    resource = Resource.from_contents({**spec(), "$schema": "https://json-schema.org/draft/2020-12/schema"},
                                      default_specification=DRAFT202012)
    registry = Registry().with_resource("urn:spec", resource)
    return jsonschema.Draft202012Validator({"$ref": f"urn:spec#/components/schemas/{component}"},
                                           registry=registry)


def operation(case: Any) -> dict[str, Any]:
    return spec()["paths"][case.operation.path][case.operation.method.lower()]


def check_events(case: Any, text: str) -> int:
    event_schema = operation(case)["x-stream"]["event-schema"]
    count = 0
    for frame in text.split("\n\n"):
        data = [line[len("data: "):] for line in frame.split("\n") if line.startswith("data: ")]
        if not data or data[0] == "[DONE]":
            continue
        event_validator(event_schema).validate(json.loads("\n".join(data)))
        count += 1
    return count


@pytest.mark.parametrize("operation_", OPERATIONS, ids=[o.label for o in OPERATIONS])
def test_mock_server_conforms_to_the_spec(st_server: ServerThread, operation_: Any) -> None:
    @given(case=operation_.as_strategy())
    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
    def run(case: Any) -> None:
        STATS["operations"].add(case.operation.label)
        STATS["cases"] += 1
        headers = {"Authorization": f"Bearer {ST_KEY}"}
        response = case.call(base_url=st_server.base, headers=headers)
        spec_op = operation(case)
        checks = CHECKS if not spec_op.get("x-unimplemented") else CHECKS[1:]
        if response.headers.get("content-type", [""])[0].startswith("text/event-stream"):
            case.validate_response(response, checks=[c for c in checks
                                                      if c is not response_schema_conformance],
                                   headers=headers)
            assert check_events(case, response.text) > 0
            return
        case.validate_response(response, checks=checks, headers=headers)
        if spec_op.get("x-unimplemented"):
            assert response.status_code in (400, 401, 501)

    run()


def test_schemathesis_covered_every_http_operation() -> None:
    """Runs after the parametrized test in this module (pytest keeps file order)."""
    http_ops = {f"{m.upper()} {p}" for p, item in spec()["paths"].items() for m in item
                if m in ("get", "post", "put", "patch", "delete") and p != "/v1/realtime"}
    assert STATS["operations"] == http_ops
    print(f"\nschemathesis: {len(STATS['operations'])} operations, {STATS['cases']} cases, "
          "0 failures")
