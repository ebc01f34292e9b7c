"""SPEC-SHAPE: the parts of the document the other rules walk have the types they must have.

The custom rules read paths, operations, bodies, answers and components; when one of those is
the wrong kind of node (a list where a mapping belongs), they cannot run, so this rule reports
it and the others are skipped. openapi-spec-validator still reports the details.
"""

from __future__ import annotations

from typing import Any

from specgen.findings import Finding
from specgen.load import Source, escape
from specgen.validate.walk import HTTP_METHODS


def check(spec: Source) -> list[Finding]:
    doc = spec.data
    found: list[Finding] = []

    def expect(node: Any, pointer: str, kind: type, what: str) -> bool:
        if node is None or isinstance(node, kind):
            return node is not None
        found.append(
            spec.finding(
                pointer,
                "SPEC-SHAPE",
                f"{what} must be a {'mapping' if kind is dict else 'list'}, "
                f"found {type(node).__name__}",
            )
        )
        return False

    if expect(doc.get("components"), "/components", dict, "components"):
        for kind, members in doc["components"].items():
            if expect(members, f"/components/{escape(kind)}", dict, f"components.{kind}"):
                for name, member in members.items():
                    expect(
                        member,
                        f"/components/{escape(kind)}/{escape(str(name))}",
                        dict,
                        f"components.{kind}.{name}",
                    )
    if not expect(doc.get("paths"), "/paths", dict, "paths"):
        return found
    for path, item in doc["paths"].items():
        item_ptr = f"/paths/{escape(str(path))}"
        if not expect(item, item_ptr, dict, f"path item {path}"):
            continue
        for method in HTTP_METHODS:
            op, op_ptr = item.get(method), f"{item_ptr}/{method}"
            if not expect(op, op_ptr, dict, f"{method.upper()} {path}"):
                continue
            expect(op.get("parameters"), f"{op_ptr}/parameters", list, "parameters")
            for key in ("x-stream", "x-websocket", "requestBody"):
                expect(op.get(key), f"{op_ptr}/{key}", dict, key)
            if expect(op.get("requestBody"), f"{op_ptr}/requestBody", dict, "requestBody"):
                _content(expect, op["requestBody"], f"{op_ptr}/requestBody")
            if expect(op.get("responses"), f"{op_ptr}/responses", dict, "responses"):
                for status, answer in op["responses"].items():
                    answer_ptr = f"{op_ptr}/responses/{escape(str(status))}"
                    if expect(answer, answer_ptr, dict, f"response {status}"):
                        _content(expect, answer, answer_ptr)
    return found


def _content(expect: Any, owner: dict[str, Any], pointer: str) -> None:
    if expect(owner.get("content"), f"{pointer}/content", dict, "content"):
        for ctype, media in owner["content"].items():
            media_ptr = f"{pointer}/content/{escape(str(ctype))}"
            if expect(media, media_ptr, dict, f"media type {ctype}"):
                expect(media.get("examples"), f"{media_ptr}/examples", dict, "examples")
