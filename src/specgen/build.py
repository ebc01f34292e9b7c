"""Stage 3, build: turn a validated spec into the IR (`specgen.ir`).

Decisions made here, once: Python names, which models module owns each schema, the Python
annotation of every parameter and body, and the content hash that headers carry.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from typing import Any

from specgen import ir, names
from specgen.load import Source, unescape
from specgen.validate.refs import _is_example_value, all_refs
from specgen.validate.walk import deref, operations

COMMON_MODULE = "common"
# Documented schemas that no route uses (the docs' console objects) get a module of their own.
UNUSED_MODULE = "management"


def canonical(data: Any) -> Any:
    """The same data with every mapping's keys sorted: key order in the spec never matters."""
    if isinstance(data, dict):
        return {k: canonical(data[k]) for k in sorted(data, key=str)}
    if isinstance(data, list):
        return [canonical(v) for v in data]
    return data


def content_hash(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def build(spec: Source, docs_index: Source | None = None, spec_path: str | None = None) -> ir.Api:
    doc = canonical(spec.data)
    documented = set((docs_index.data or {}).get("schemas") or []) if docs_index else set()
    schema_names = list((doc.get("components") or {}).get("schemas") or {})
    module_of = _assign_modules(doc, schema_names)
    schemas = tuple(
        ir.SchemaInfo(n, names.class_name(n), module_of[n], n in documented) for n in schema_names
    )
    by_name = {s.name: s for s in schemas}
    ops = tuple(sorted((_operation(doc, o, by_name) for o in operations(doc)),
                       key=lambda o: (o.path, o.http_method)))
    info = doc.get("info") or {}
    return ir.Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        spec_path=spec_path or spec.path,
        spec_hash=content_hash(doc),
        schemas=schemas,
        modules=tuple(sorted(set(module_of.values()))),
        operations=ops,
        security_schemes=_security_schemes(doc),
        error_dialects=tuple(ir.ErrorDialectRow(int(r["status"]), r["openai"], r["claude"], r["gemini"])
                             for r in doc.get("x-error-dialects") or []),
        document=doc,
    )


def _refs_in(node: Any) -> list[str]:
    return [unescape(r.rsplit("/", 1)[1]) for owner, r in all_refs(node)
            if r.startswith("#/components/schemas/") and not _is_example_value(owner)]


def _assign_modules(doc: dict[str, Any], schema_names: list[str]) -> dict[str, str]:
    """A schema reached from one tag's operations lives in that tag's module, else in `common`.

    Reachability is transitive, so an area module only ever imports `common` and `common`
    imports nothing: no import cycles by construction.
    """
    components = (doc.get("components") or {}).get("schemas") or {}
    edges = {n: _refs_in(components[n]) for n in schema_names}
    areas: dict[str, set[str]] = defaultdict(set)
    for opref in operations(doc):
        tag = names.snake_name((opref.op.get("tags") or ["common"])[0])
        roots = _refs_in(opref.op)
        extra = [(opref.op.get("x-stream") or {}).get("event-schema")]
        extra += list((opref.op.get("x-websocket") or {}).values())
        pending = roots + [n for n in extra if isinstance(n, str)]
        while pending:
            name = pending.pop()
            if name in components and tag not in areas[name]:
                areas[name].add(tag)
                pending += edges[name]
    result = {}
    for name in schema_names:
        reached = areas.get(name, set())
        result[name] = next(iter(reached)) if len(reached) == 1 else (
            COMMON_MODULE if reached else UNUSED_MODULE)
    return result


def _security_schemes(doc: dict[str, Any]) -> tuple[ir.SecurityScheme, ...]:
    result = []
    for name, scheme in ((doc.get("components") or {}).get("securitySchemes") or {}).items():
        if scheme.get("type") == "http":
            result.append(ir.SecurityScheme(name, "bearer", "Authorization"))
        elif scheme.get("type") == "apiKey":
            result.append(ir.SecurityScheme(name, scheme.get("in", "header"), scheme["name"]))
    return tuple(result)


def annotation(doc: dict[str, Any], schema: Any, by_name: dict[str, ir.SchemaInfo]) -> str:
    """The Python annotation for a schema used outside the models package."""
    if not isinstance(schema, dict):
        return "Any"
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
        return by_name[unescape(ref.rsplit("/", 1)[1])].class_name
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return " | ".join(dict.fromkeys(annotation(doc, s, by_name) for s in schema[key]))
    if "const" in schema:
        return f"Literal[{schema['const']!r}]"
    if "enum" in schema:
        return "Literal[" + ", ".join(repr(v) for v in schema["enum"]) + "]"
    kind = schema.get("type")
    if isinstance(kind, list):
        parts = [annotation(doc, {**schema, "type": k}, by_name) for k in kind]
        return " | ".join(dict.fromkeys(parts))
    simple = {"string": "str", "integer": "int", "number": "float", "boolean": "bool",
              "null": "None", "object": "dict[str, Any]"}
    if kind == "string" and schema.get("format") == "binary":
        return "bytes"
    if kind == "array":
        return f"list[{annotation(doc, schema.get('items'), by_name)}]"
    return simple.get(kind, "Any") if isinstance(kind, str) else "Any"


def _content_kind(media_type: str) -> str:
    if media_type == "text/event-stream":
        return "event-stream"
    if media_type == "application/json" or media_type.endswith("+json"):
        return "json"
    if media_type.startswith("multipart/") or media_type == "application/x-www-form-urlencoded":
        return "multipart"
    if media_type.startswith("text/"):
        return "text"
    return "binary"


def _contents(doc: dict[str, Any], owner: Any, by_name: dict[str, ir.SchemaInfo]) -> tuple[ir.Content, ...]:
    result = []
    for media_type, media in ((owner or {}).get("content") or {}).items():
        kind = _content_kind(media_type)
        schema = media.get("schema")
        typed = kind in ("json", "multipart", "event-stream") and schema is not None
        examples = tuple((str(n), e.get("value")) for n, e in (media.get("examples") or {}).items()
                         if isinstance(e, dict))
        result.append(ir.Content(media_type, kind, annotation(doc, schema, by_name) if typed else None,
                                 examples))
    return tuple(result)


def _operation(doc: dict[str, Any], opref: Any, by_name: dict[str, ir.SchemaInfo]) -> ir.Operation:
    op = opref.op
    params = []
    for raw in op.get("parameters") or []:
        param, _ = deref(doc, raw, "")
        schema = param.get("schema") or {}
        params.append(ir.Parameter(
            name=param["name"], python_name=names.snake_name(param["name"]), location=param["in"],
            required=bool(param.get("required")), annotation=annotation(doc, schema, by_name),
            description=str(param.get("description", "")).strip(),
            enum=tuple(schema.get("enum") or ())))
    body = None
    if op.get("requestBody"):
        raw_body, _ = deref(doc, op["requestBody"], "")
        body = ir.Body(bool(raw_body.get("required")), _contents(doc, raw_body, by_name))
    answers = []
    for status, raw in (op.get("responses") or {}).items():
        resp, _ = deref(doc, raw, "")
        answers.append(ir.Answer(str(status), str(resp.get("description", "")).strip(),
                                 _contents(doc, resp, by_name)))
    stream = None
    if isinstance(op.get("x-stream"), dict):
        event = by_name[op["x-stream"]["event-schema"]]
        stream = ir.Stream(op["x-stream"]["trigger"], op["x-stream"]["framing"],
                           event.class_name, event.module)
    socket = None
    if isinstance(op.get("x-websocket"), dict):
        socket = ir.WebSocket(by_name[op["x-websocket"]["client-events"]].class_name,
                              by_name[op["x-websocket"]["server-events"]].class_name)
    entries = [op["x-doc-entry"]] if "x-doc-entry" in op else []
    for _mt, media in (((op.get("requestBody") or {}).get("content")) or {}).items():
        entries += [e["x-doc-entry"] for e in (media.get("examples") or {}).values()
                    if isinstance(e, dict) and "x-doc-entry" in e]
    security = tuple(dict.fromkeys(name for req in op.get("security") or [] for name in req))
    return ir.Operation(
        operation_id=op["operationId"], method_name=names.snake_name(op["operationId"]),
        http_method=opref.method.upper(), path=opref.path, tag=(op.get("tags") or [""])[0],
        summary=str(op.get("summary", "")).strip(), description=str(op.get("description", "")).strip(),
        dialect=op.get("x-error-dialect", "openai"), security=security, parameters=tuple(params),
        body=body, answers=tuple(answers), stream=stream, websocket=socket,
        unimplemented=bool(op.get("x-unimplemented")), beyond_docs=bool(op.get("x-beyond-docs")),
        doc_entries=tuple(entries))
