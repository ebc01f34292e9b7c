"""Stage 3, build: turn a validated spec into the IR (`specgen.ir`).

Decisions made here, once: Python names, which models module owns each schema, the Python
annotation of every parameter and body, and the content hash that headers carry.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import mimetypes
import re
from collections import defaultdict
from typing import Any

from specgen import ir, names
from specgen.load import Source, unescape
from specgen.validate.refs import all_refs, is_example_value
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
    ops = tuple(
        sorted(
            (_operation(doc, o, by_name) for o in operations(doc)),
            key=lambda o: (o.path, o.http_method),
        )
    )
    info = doc.get("info") or {}
    api = ir.Api(
        title=str(info.get("title", "")),
        version=str(info.get("version", "")),
        spec_path=spec_path or spec.path,
        spec_hash=content_hash(doc),
        schemas=schemas,
        modules=tuple(sorted(set(module_of.values()))),
        operations=ops,
        security_schemes=_security_schemes(doc),
        error_dialects=tuple(
            ir.ErrorDialectRow(int(r["status"]), r["openai"], r["claude"], r["gemini"])
            for r in doc.get("x-error-dialects") or []
        ),
        document=doc,
    )
    server = server_operations(api)
    return dataclasses.replace(api, server=server, server_models=server_model_classes(api, server))


def _refs_in(node: Any) -> list[str]:
    return [
        unescape(r.rsplit("/", 1)[1])
        for owner, r in all_refs(node)
        if r.startswith("#/components/schemas/") and not is_example_value(owner)
    ]


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
        result[name] = (
            next(iter(reached))
            if len(reached) == 1
            else (COMMON_MODULE if reached else UNUSED_MODULE)
        )
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
    simple = {
        "string": "str",
        "integer": "int",
        "number": "float",
        "boolean": "bool",
        "null": "None",
        "object": "dict[str, Any]",
    }
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


def _contents(
    doc: dict[str, Any], owner: Any, by_name: dict[str, ir.SchemaInfo]
) -> tuple[ir.Content, ...]:
    result = []
    for media_type, media in ((owner or {}).get("content") or {}).items():
        kind = _content_kind(media_type)
        schema = media.get("schema")
        typed = kind in ("json", "multipart", "event-stream") and schema is not None
        examples = tuple(
            (str(n), e.get("value"))
            for n, e in (media.get("examples") or {}).items()
            if isinstance(e, dict)
        )
        result.append(
            ir.Content(
                media_type, kind, annotation(doc, schema, by_name) if typed else None, examples
            )
        )
    return tuple(result)


def _operation(doc: dict[str, Any], opref: Any, by_name: dict[str, ir.SchemaInfo]) -> ir.Operation:
    op = opref.op
    params = []
    for raw in op.get("parameters") or []:
        param, _ = deref(doc, raw, "")
        schema = param.get("schema") or {}
        params.append(
            ir.Parameter(
                name=param["name"],
                python_name=names.snake_name(param["name"]),
                location=param["in"],
                required=bool(param.get("required")),
                annotation=annotation(doc, schema, by_name),
                description=str(param.get("description", "")).strip(),
                enum=tuple(schema.get("enum") or ()),
            )
        )
    body = None
    if op.get("requestBody"):
        raw_body, _ = deref(doc, op["requestBody"], "")
        body = ir.Body(bool(raw_body.get("required")), _contents(doc, raw_body, by_name))
    answers = []
    for status, raw in (op.get("responses") or {}).items():
        resp, _ = deref(doc, raw, "")
        answers.append(
            ir.Answer(
                str(status), str(resp.get("description", "")).strip(), _contents(doc, resp, by_name)
            )
        )
    stream = None
    if isinstance(op.get("x-stream"), dict):
        event = by_name[op["x-stream"]["event-schema"]]
        stream = ir.Stream(
            op["x-stream"]["trigger"], op["x-stream"]["framing"], event.class_name, event.module
        )
    socket = None
    if isinstance(op.get("x-websocket"), dict):
        socket = ir.WebSocket(
            by_name[op["x-websocket"]["client-events"]].class_name,
            by_name[op["x-websocket"]["server-events"]].class_name,
        )
    entries = [op["x-doc-entry"]] if "x-doc-entry" in op else []
    for _mt, media in (((op.get("requestBody") or {}).get("content")) or {}).items():
        entries += [
            e["x-doc-entry"]
            for e in (media.get("examples") or {}).values()
            if isinstance(e, dict) and "x-doc-entry" in e
        ]
    security = tuple(dict.fromkeys(name for req in op.get("security") or [] for name in req))
    return ir.Operation(
        operation_id=op["operationId"],
        method_name=names.snake_name(op["operationId"]),
        http_method=opref.method.upper(),
        path=opref.path,
        tag=(op.get("tags") or [""])[0],
        summary=str(op.get("summary", "")).strip(),
        description=str(op.get("description", "")).strip(),
        dialect=op.get("x-error-dialect", "openai"),
        security=security,
        parameters=tuple(params),
        body=body,
        answers=tuple(answers),
        stream=stream,
        websocket=socket,
        unimplemented=bool(op.get("x-unimplemented")),
        beyond_docs=bool(op.get("x-beyond-docs")),
        doc_entries=tuple(entries),
        chat_format=str(op.get("x-chat-format", "")),
    )


# --- Server stubs ---------------------------------------------------------------------------------

DIALECTS = ("openai", "claude", "gemini")
# Mock lifecycle: where a status value sits in a task's life; unknown values keep spec order.
_LIFECYCLE = {
    "queued": 0,
    "pending": 0,
    "submitted": 0,
    "not_start": 0,
    "in_progress": 1,
    "processing": 1,
    "running": 1,
    "generating": 1,
    "completed": 2,
    "succeed": 2,
    "succeeded": 2,
    "success": 2,
    "done": 2,
}
_FAILED = {"failed", "failure", "error", "cancelled", "expired"}


def server_operations(api: ir.Api) -> tuple[ir.ServerOperation, ...]:
    """Routing, typing and mock decisions of the server package, one per operation.

    Like everything in the IR they never depend on key order in the spec: where the mock or
    the runtime needs a default among several examples or media types, a rule picks it
    (`_preferred`, `_default_binary`).
    """
    return tuple(_server_operation(api, op) for op in api.operations)


def _preferred(examples: tuple[tuple[str, Any], ...]) -> tuple[tuple[str, Any], ...]:
    """Examples with the default answer first: one named `default`, else the plain `text…`
    answer, else name order. (Spec key order is not meaningful, so names steer the mock.)"""
    return tuple(
        sorted(examples, key=lambda nv: (nv[0] != "default", not nv[0].startswith("text"), nv[0]))
    )


def _default_binary(api: ir.Api, op: ir.Operation, binary: tuple[str, ...]) -> tuple[str, ...]:
    """Binary media types, the default first: the one a format parameter's default names
    (`response_format: mp3` → audio/mpeg), else the one whose type names the operation's tag
    (`videos` → video/mp4), else name order."""
    ordered = sorted(binary)
    named = [mimetypes.guess_type(f"x.{d}")[0] for d in _enum_defaults(api.document, op)]
    tag = op.tag.rstrip("s")
    first = next((m for m in named if m in ordered), None) or next(
        (m for m in ordered if m.split("/")[0] == tag), None
    )
    return tuple([first, *(m for m in ordered if m != first)] if first else ordered)


def _enum_defaults(doc: dict[str, Any], op: ir.Operation) -> list[str]:
    """Defaults of the enum-valued query parameters and body properties of an operation."""
    found = [str(p.get("default")) for p in _query_schemas(doc, op) if "default" in p]
    try:
        raw = doc["paths"][op.path][op.http_method.lower()]
        body, _ = deref(doc, raw["requestBody"], "")
        for media in body["content"].values():
            schema, _ = deref(doc, media["schema"], "")
            for prop in (schema.get("properties") or {}).values():
                prop, _ = deref(doc, prop, "")
                if "enum" in prop and "default" in prop:
                    found.append(str(prop["default"]))
    except (KeyError, TypeError):
        pass
    return found


def _query_schemas(doc: dict[str, Any], op: ir.Operation) -> list[dict[str, Any]]:
    """Schemas of an operation's query parameters."""
    try:
        raw = doc["paths"][op.path][op.http_method.lower()].get("parameters") or []
    except (KeyError, TypeError, AttributeError):
        return []
    params = [deref(doc, p, "")[0] for p in raw]
    return [p.get("schema") or {} for p in params if p.get("in") == "query"]


def server_model_classes(api: ir.Api, server: tuple[ir.ServerOperation, ...]) -> tuple[str, ...]:
    """Every models class the server package names in annotations, sorted."""
    known = {s.class_name for s in api.schemas}
    found: set[str] = set()
    for sop in server:
        text = " ".join([sop.body_annotation, sop.returns])
        found.update(w for w in _words(text) if w in known)
    for op in api.operations:
        if op.websocket:
            found.update((op.websocket.client_event_class, op.websocket.server_event_class))
        for p in op.parameters:
            found.update(w for w in _words(p.annotation) if w in known)
    return tuple(sorted(found))


def _words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text)


def _success(op: ir.Operation) -> ir.Answer | None:
    return next((a for a in op.answers if a.status.startswith("2") or a.status == "101"), None)


def _server_operation(api: ir.Api, op: ir.Operation) -> ir.ServerOperation:
    ok = _success(op)
    contents = ok.contents if ok else ()
    json_ann = [c.annotation for c in contents if c.kind == "json" and c.annotation]
    binary = _default_binary(api, op, tuple(c.media_type for c in contents if c.kind == "binary"))
    text = next((c.media_type for c in contents if c.kind == "text"), "")
    returns: list[str] = []
    if op.stream and op.stream.trigger == "always":
        returns.append(f"AsyncIterator[{op.stream.event_class}]")
    else:
        returns += json_ann
        if op.stream:
            returns.append(f"AsyncIterator[{op.stream.event_class}]")
    if binary:
        returns += ["Binary", "bytes"]
    if text:
        returns.append("str")
    if op.websocket:
        returns = [f"AsyncIterator[{op.websocket.server_event_class}]"]
    body_kinds = tuple(
        (
            c.media_type,
            c.kind,
            c.annotation or "bytes",
            _array_fields(api.document, op, c.media_type) if c.kind == "multipart" else (),
        )
        for c in (op.body.contents if op.body else ())
    )
    body_annotation = " | ".join(dict.fromkeys(a for _m, _k, a, _f in body_kinds))
    formats = tuple(
        n for c in contents if c.kind == "json" for n, _v in c.examples if n in DIALECTS
    )
    return ir.ServerOperation(
        op=op,
        operation_id=op.operation_id,
        method_name=op.method_name,
        route_path=op.path,
        body_kinds=body_kinds,
        body_annotation=body_annotation,
        returns=" | ".join(dict.fromkeys(returns)) or "None",
        response_annotation=" | ".join(dict.fromkeys(json_ann)) if not op.websocket else "",
        success_status=int(ok.status) if ok and ok.status != "101" else 200,
        binary_media_types=binary,
        text_media_type=text,
        formats=formats if len(formats) > 1 else (),
        delegate_to=_delegate(api, op),
        mock=_mock_plan(op, contents, binary, text),
        params_class=names.class_name(op.operation_id) + "Params" if op.parameters else "",
        params=tuple(
            ir.ServerParam(p.python_name, p.name, p.location, _dq(p.annotation), p.required)
            for p in op.parameters
        ),
        signature=_signature(op, body_annotation),
        call_args=_call_args(op),
    )


def _array_fields(doc: dict[str, Any], op: ir.Operation, media_type: str) -> tuple[str, ...]:
    """Properties of a form body that are arrays: a single form value still makes a list."""
    try:
        body, _ = deref(doc, doc["paths"][op.path][op.http_method.lower()]["requestBody"], "")
        schema, _ = deref(doc, body["content"][media_type]["schema"], "")
    except (KeyError, TypeError):
        return ()
    fields = []
    for name, prop in (schema.get("properties") or {}).items():
        prop, _ = deref(doc, prop, "")
        kinds = prop.get("type") if isinstance(prop.get("type"), list) else [prop.get("type")]
        if "array" in kinds and set(kinds) <= {"array", "null"}:
            fields.append(str(name))
    return tuple(fields)


def _dq(annotation: str) -> str:
    """String literals in an annotation double-quoted, as black writes them."""
    return re.sub(r"'([^'\"\\]*)'", r'"\1"', annotation)


def _handler_params(op: ir.Operation, body_annotation: str) -> list[tuple[str, str, bool]]:
    """(python name, annotation, required) of a handler method's keyword parameters."""
    params: list[tuple[str, str, bool]] = [
        (p.python_name, p.annotation, p.required) for p in op.parameters if p.required
    ]
    if op.websocket:
        params.append(("events", f"AsyncIterator[{op.websocket.client_event_class}]", True))
    elif body_annotation:
        required = op.body is not None and op.body.required
        params.append(("body", body_annotation, required))
    params += [(p.python_name, p.annotation, p.required) for p in op.parameters if not p.required]
    return params


def _signature(op: ir.Operation, body_annotation: str) -> tuple[str, ...]:
    parts = []
    for name, ann_, required in _handler_params(op, body_annotation):
        ann = _dq(ann_)
        if required:
            parts.append(f"{name}: {ann}")
        else:
            parts.append(
                f"{name}: {ann} | None = None"
                if "None" not in ann.split(" | ")
                else f"{name}: {ann} = None"
            )
    return (*parts, "ctx: RequestContext")


def _call_args(op: ir.Operation) -> str:
    body = "events" if op.websocket else ("body" if op.body else "")
    names_ = [p.python_name for p in op.parameters] + ([body] if body else []) + ["ctx"]
    return ", ".join(f"{n}={n}" for n in names_)


def _delegate(api: ir.Api, op: ir.Operation) -> str:
    """An alias of another operation under another version prefix defaults to it: same method,
    same path after the first segment, same body and answer types, and an operationId that
    extends the other's (`generateContentV1` on `/v1/...` ~ `generateContent` on `/v1beta/...`)."""
    tail = op.path.split("/", 2)[-1]
    for other in api.operations:
        if (
            other is not op
            and op.operation_id.startswith(other.operation_id)
            and other.http_method == op.http_method
            and other.path.split("/", 2)[-1] == tail
            and _body_shape(other) == _body_shape(op)
            and _success_shape(other) == _success_shape(op)
        ):
            return other.method_name
    return ""


def _body_shape(op: ir.Operation) -> tuple[tuple[str, str | None], ...]:
    return _shape(op.body.contents if op.body else ())


def _success_shape(op: ir.Operation) -> tuple[tuple[str, str | None], ...]:
    ok = _success(op)
    return _shape(ok.contents if ok else ())


def _shape(contents: tuple[ir.Content, ...]) -> tuple[tuple[str, str | None], ...]:
    return tuple((c.media_type, c.annotation) for c in contents)


def _status_of(value: Any) -> str | None:
    """The first string under a key containing `status`, searched breadth-first."""
    queue = [value]
    while queue:
        node = queue.pop(0)
        if isinstance(node, dict):
            for key, item in node.items():
                if "status" in str(key).lower() and isinstance(item, str):
                    return item.lower()
            queue += [v for v in node.values() if isinstance(v, dict)]
    return None


def _request_pairs(op: ir.Operation, answer_names: list[str]) -> tuple[tuple[str, Any], ...]:
    """Request examples that share a name with an answer example: their top-level keys, with
    the value where it is a scalar (so `encoding_format: base64` tells two examples apart)."""
    pairs = []
    for content in op.body.contents if op.body else ():
        for name, value in content.examples:
            if name in answer_names and isinstance(value, dict):
                keys = {
                    k: (v if isinstance(v, str | int | float | bool) else None)
                    for k, v in sorted(value.items())
                }
                pairs.append((name, keys))
    return tuple(pairs) if len(pairs) > 1 else ()


def _mock_plan(
    op: ir.Operation, contents: tuple[ir.Content, ...], binary: tuple[str, ...], text: str
) -> ir.MockPlan:
    if op.websocket:
        return ir.MockPlan("websocket", "", (), "first")
    if op.unimplemented:
        return ir.MockPlan("none", "", (), "first")
    events: tuple[Any, ...] = ()
    stream_content = next((c for c in contents if c.kind == "event-stream"), None)
    if stream_content and stream_content.examples:
        first = _preferred(stream_content.examples)[0][1]
        events = tuple(first) if isinstance(first, list) else (first,)
    json_content = next((c for c in contents if c.kind == "json"), None)
    if op.stream and op.stream.trigger == "always":
        return ir.MockPlan("stream", "text/event-stream", (), "first", stream_events=events)
    if json_content is not None:
        examples = _preferred(json_content.examples)
        select, param = "first", ""
        names_ = [n for n, _v in examples]
        action = next(
            (p for p in op.parameters if p.location == "query" and p.required and len(p.enum) > 1),
            None,
        )
        staged = [(n, v) for n, v in examples if _status_of(v) not in _FAILED]
        ranked = tuple(sorted(staged, key=lambda nv: _LIFECYCLE.get(_status_of(nv[1]) or "", 1)))
        pairs = _request_pairs(op, names_)
        if len([n for n in names_ if n in DIALECTS]) > 1:
            select = "format"
        elif action is not None and len(examples) >= len(action.enum):
            examples, select, param = ranked, "action", action.python_name
        elif (
            len(staged) > 1
            and any(p.location == "path" for p in op.parameters)
            and any(_status_of(v) for _n, v in staged)
        ):
            examples, select = ranked, "lifecycle"
        elif pairs:
            select = "paired"
        else:
            examples = tuple(staged) or examples  # the mock's single answer is never a failure
        values = action.enum if select == "action" and action is not None else ()
        return ir.MockPlan(
            "stream" if events else "json",
            json_content.media_type,
            examples,
            select,
            param,
            tuple(values),
            events,
            pairs,
        )
    if binary:
        return ir.MockPlan("binary", binary[0], (), "first")
    if text:
        return ir.MockPlan("text", text, (), "first")
    return ir.MockPlan("none", "", (), "first")
