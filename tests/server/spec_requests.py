"""Requests built from the spec itself: one valid request per operation, from its examples."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

SPEC = Path(__file__).resolve().parents[2] / "spec" / "allllms.yaml"
KEY_HEADERS = {"BearerAuth": ("authorization", "Bearer {key}"),
               "ApiKeyAuth": ("x-api-key", "{key}"),
               "GoogleApiKey": ("x-goog-api-key", "{key}")}


@dataclass
class SpecRequest:
    operation_id: str
    method: str
    path: str  # with path parameters filled in
    dialect: str
    security: list[str]
    unimplemented: bool
    websocket: bool
    query: dict[str, str]
    json: Any = None
    data: dict[str, Any] | None = None
    files: list[tuple[str, tuple[str, bytes, str]]] | None = None

    def auth_headers(self, key: str) -> dict[str, str]:
        name, template = KEY_HEADERS[self.security[0]]
        return {name: template.format(key=key)}

    def send_kwargs(self, key: str) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"params": self.query, "headers": self.auth_headers(key)}
        if self.json is not None:
            kwargs["json"] = self.json
        if self.data is not None or self.files:
            kwargs["data"] = self.data or {}
            kwargs["files"] = self.files or [("_", ("x", b"", "application/octet-stream"))]
        return kwargs


@cache
def spec() -> dict[str, Any]:
    return yaml.safe_load(SPEC.read_text())


def resolve(node: Any) -> Any:
    while isinstance(node, dict) and "$ref" in node:
        target: Any = spec()
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def _first_example(media: dict[str, Any]) -> Any:
    examples = media.get("examples") or {}
    return next(iter(examples.values()))["value"] if examples else {}


def _multipart(schema: dict[str, Any], value: dict[str, Any]) -> tuple[dict[str, Any], list[Any]]:
    props = resolve(schema).get("properties", {})
    data: dict[str, Any] = {}
    files: list[Any] = []
    for name, item in value.items():
        prop = resolve(props.get(name, {}))
        binary = prop.get("format") == "binary" or any(
            resolve(s).get("format") == "binary"
            for s in prop.get("oneOf", []) + prop.get("anyOf", []))
        if binary:
            files.append((name, (f"{name}.bin", b"\x00binary", "application/octet-stream")))
        elif isinstance(item, list):
            data[f"{name}[]"] = [str(v) for v in item]
        else:
            data[name] = str(item).lower() if isinstance(item, bool) else str(item)
    return data, files


def requests() -> list[SpecRequest]:
    result = []
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            filled = path
            query: dict[str, str] = {}
            for param in [resolve(p) for p in op.get("parameters", [])]:
                schema = param.get("schema", {})
                example = schema.get("enum", [None])[0] or schema.get("default")
                if param["in"] == "path":
                    filled = filled.replace("{" + param["name"] + "}", "gemini-test" if
                                            param["name"] == "model" else "id_123")
                elif param["in"] == "query" and param.get("required"):
                    query[param["name"]] = str(example or "x")
            request = SpecRequest(
                op["operationId"], method.upper(), filled, op.get("x-error-dialect", "openai"),
                [name for req in op.get("security", []) for name in req],
                bool(op.get("x-unimplemented")), "x-websocket" in op, query)
            body = resolve(op.get("requestBody") or {})
            contents = body.get("content", {})
            if "application/json" in contents:
                request.json = _first_example(contents["application/json"])
            elif "multipart/form-data" in contents:
                media = contents["multipart/form-data"]
                request.data, request.files = _multipart(media["schema"], _first_example(media))
            result.append(request)
    return result


def path_pattern(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
