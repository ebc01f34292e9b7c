"""Structural rules that keep generated code meaningful.

SPEC-OPID-MISSING / SPEC-OPID-DUP: every operation has a unique operationId (it names a method).
SPEC-INLINE-OBJECT: objects with properties are named components, so no class gets a made-up name.
SPEC-TAG: exactly one tag per operation, declared in the root `tags` (it picks the module).
SPEC-DIALECT: `x-error-dialect` is openai, claude or gemini (it picks the error envelope).
SPEC-UNUSED-COMPONENT: a component nothing references is dead weight (documented names excepted).
"""

from __future__ import annotations

from typing import Any

from specgen.findings import Finding
from specgen.load import Source, escape
from specgen.validate.refs import all_refs, is_example_value
from specgen.validate.walk import operations, schema_roots, subschemas

DIALECTS = ("openai", "claude", "gemini")


def check(spec: Source, documented: frozenset[str] = frozenset()) -> list[Finding]:
    return [
        *_operation_ids(spec),
        *_inline_objects(spec),
        *_tags_and_dialects(spec),
        *_unused(spec, documented),
    ]


def _operation_ids(spec: Source) -> list[Finding]:
    found: list[Finding] = []
    first_seen: dict[str, str] = {}
    for opref in sorted(operations(spec.data), key=lambda o: spec.position(o.pointer)):
        op_id = opref.op.get("operationId")
        if not op_id:
            found.append(
                spec.finding(
                    opref.pointer,
                    "SPEC-OPID-MISSING",
                    f"{opref.method.upper()} {opref.path} has no operationId",
                )
            )
        elif op_id in first_seen:
            line, _ = spec.position(first_seen[op_id])
            found.append(
                spec.finding(
                    f"{opref.pointer}/operationId",
                    "SPEC-OPID-DUP",
                    f"operationId {op_id!r} is already used at line {line}",
                )
            )
        else:
            first_seen[op_id] = f"{opref.pointer}/operationId"
    return found


def _inline_objects(spec: Source) -> list[Finding]:
    found = []

    def visit(pointer: str, schema: dict[str, Any], top: bool) -> None:
        if (
            not top
            and "properties" in schema
            and schema.get("type", "object") in ("object", ["object"])
        ):
            found.append(
                spec.finding(
                    pointer,
                    "SPEC-INLINE-OBJECT",
                    "an object schema with properties must be a named component "
                    "under components.schemas, referenced with $ref",
                )
            )
        for child_ptr, child in subschemas(schema, pointer):
            visit(child_ptr, child, False)

    for pointer, schema, is_component in schema_roots(spec.data):
        visit(pointer, schema, is_component)
    return found


def _tags_and_dialects(spec: Source) -> list[Finding]:
    found = []
    declared = {t.get("name") for t in spec.data.get("tags") or [] if isinstance(t, dict)}
    for opref in operations(spec.data):
        tags = opref.op.get("tags") or []
        if len(tags) != 1 or tags[0] not in declared:
            found.append(
                spec.finding(
                    f"{opref.pointer}/tags" if tags else opref.pointer,
                    "SPEC-TAG",
                    f"needs exactly one tag from the root tags list, found {tags}",
                )
            )
        dialect = opref.op.get("x-error-dialect")
        if dialect not in DIALECTS:
            where = f"{opref.pointer}/x-error-dialect" if dialect else opref.pointer
            found.append(
                spec.finding(
                    where,
                    "SPEC-DIALECT",
                    f"x-error-dialect must be one of {', '.join(DIALECTS)}, " f"found {dialect!r}",
                )
            )
    return found


def referenced_components(doc: dict[str, Any]) -> set[str]:
    """Pointers of components reachable from the paths (and from stream/websocket extensions)."""
    components = doc.get("components") or {}
    reached: set[str] = set()
    pending = [
        ref[1:]
        for owner, ref in all_refs(doc.get("paths") or {}, "/paths")
        if not is_example_value(owner) and ref.startswith("#")
    ]
    for opref in operations(doc):
        named = [(opref.op.get("x-stream") or {}).get("event-schema")]
        named += list((opref.op.get("x-websocket") or {}).values())
        pending += [f"/components/schemas/{escape(n)}" for n in named if isinstance(n, str)]
    while pending:
        pointer = pending.pop()
        if pointer in reached:
            continue
        reached.add(pointer)
        kind, _, name = pointer.removeprefix("/components/").partition("/")
        node = (components.get(kind) or {}).get(name.replace("~1", "/").replace("~0", "~"))
        pending += [
            r[1:]
            for o, r in all_refs(node, pointer)
            if r.startswith("#") and not is_example_value(o)
        ]
    return reached


def _unused(spec: Source, documented: frozenset[str]) -> list[Finding]:
    reached = referenced_components(spec.data)
    found = []
    for kind, members in (spec.data.get("components") or {}).items():
        if kind == "securitySchemes" or not isinstance(members, dict):
            continue
        for name in members:
            pointer = f"/components/{kind}/{escape(name)}"
            if pointer not in reached and not (kind == "schemas" and name in documented):
                found.append(
                    spec.finding(
                        pointer,
                        "SPEC-UNUSED-COMPONENT",
                        f"components.{kind}.{name} is never referenced",
                    )
                )
    return found
