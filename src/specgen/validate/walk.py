"""Shared traversal of an OpenAPI document: operations, media types and schema positions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from specgen.load import escape, unescape

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class OperationRef:
    path: str
    method: str
    pointer: str
    op: dict[str, Any]


def operations(doc: dict[str, Any]) -> Iterator[OperationRef]:
    for path, item in (doc.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in HTTP_METHODS:
            op = item.get(method)
            if isinstance(op, dict):
                yield OperationRef(path, method, f"/paths/{escape(path)}/{method}", op)


def resolve(doc: dict[str, Any], pointer: str) -> Any:
    """The node at a local JSON pointer (`/components/schemas/X`); KeyError when absent."""
    node: Any = doc
    for token in pointer.lstrip("/").split("/") if pointer.strip("/") else []:
        token = unescape(token)
        if isinstance(node, list):
            node = node[int(token)]
        elif isinstance(node, dict):
            node = node[token]
        else:
            raise KeyError(token)
    return node


def deref(doc: dict[str, Any], node: Any, pointer: str) -> tuple[Any, str]:
    """Follow `$ref`s (already checked to resolve and not to loop) to the real node."""
    seen = set()
    while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        pointer = node["$ref"][1:]
        node = resolve(doc, pointer)
    return node, pointer


def media_types(
    doc: dict[str, Any], opref: OperationRef
) -> Iterator[tuple[str, str, str, str, dict[str, Any]]]:
    """(kind, status, content type, media object pointer, media) for request and responses.

    kind is "request" or "response"; status is "" for the request body.
    """
    body, body_ptr = deref(doc, opref.op.get("requestBody"), f"{opref.pointer}/requestBody")
    if isinstance(body, dict):
        for ctype, media in (body.get("content") or {}).items():
            if isinstance(media, dict):
                yield "request", "", ctype, f"{body_ptr}/content/{escape(ctype)}", media
    for status, resp in (opref.op.get("responses") or {}).items():
        resp, resp_ptr = deref(doc, resp, f"{opref.pointer}/responses/{escape(str(status))}")
        if isinstance(resp, dict):
            for ctype, media in (resp.get("content") or {}).items():
                if isinstance(media, dict):
                    yield "response", str(
                        status
                    ), ctype, f"{resp_ptr}/content/{escape(ctype)}", media


SCHEMA_CHILDREN_MAPS = ("properties", "patternProperties", "$defs", "dependentSchemas")
SCHEMA_CHILDREN_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_CHILD = (
    "items",
    "additionalProperties",
    "not",
    "if",
    "then",
    "else",
    "contains",
    "propertyNames",
    "unevaluatedItems",
    "unevaluatedProperties",
)


def subschemas(schema: Any, pointer: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Direct child schemas of a schema, with their pointers."""
    if not isinstance(schema, dict):
        return
    for key in SCHEMA_CHILDREN_MAPS:
        for name, child in (
            (schema.get(key) or {}).items() if isinstance(schema.get(key), dict) else ()
        ):
            if isinstance(child, dict):
                yield f"{pointer}/{key}/{escape(str(name))}", child
    for key in SCHEMA_CHILDREN_LISTS:
        for i, child in (
            enumerate(schema.get(key) or []) if isinstance(schema.get(key), list) else ()
        ):
            if isinstance(child, dict):
                yield f"{pointer}/{key}/{i}", child
    for key in SCHEMA_CHILD:
        child = schema.get(key)
        if isinstance(child, dict):
            yield f"{pointer}/{key}", child


def schema_roots(doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any], bool]]:
    """Every schema that starts a tree: (pointer, schema, is a named component)."""
    for name, schema in ((doc.get("components") or {}).get("schemas") or {}).items():
        if isinstance(schema, dict):
            yield f"/components/schemas/{escape(name)}", schema, True
    for opref in operations(doc):
        for _kind, _status, _ctype, ptr, media in media_types(doc, opref):
            if isinstance(media.get("schema"), dict):
                yield f"{ptr}/schema", media["schema"], False
        for i, param in enumerate(opref.op.get("parameters") or []):
            if isinstance(param, dict) and isinstance(param.get("schema"), dict):
                yield f"{opref.pointer}/parameters/{i}/schema", param["schema"], False
