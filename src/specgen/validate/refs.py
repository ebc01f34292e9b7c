"""SPEC-REF-*: every `$ref` is local and resolves, and no chain of refs loops back on itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from specgen.findings import Finding
from specgen.load import Source, escape
from specgen.validate.walk import resolve


def all_refs(node: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """(pointer of the `$ref` key's owner, ref string) for every ref in the document."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            yield pointer, ref
        for key, value in node.items():
            if key in ("example", "examples") and not isinstance(value, dict | list):
                continue
            yield from all_refs(value, f"{pointer}/{escape(str(key))}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from all_refs(value, f"{pointer}/{i}")


def is_example_value(pointer: str) -> bool:
    # Example payloads are data: a "$ref" key inside them is not a reference.
    parts = pointer.split("/")
    return "value" in parts and ("examples" in parts or "x-stream" in parts)


def check(spec: Source) -> list[Finding]:
    doc = spec.data
    found: list[Finding] = []
    for owner, ref in all_refs(doc):
        if is_example_value(owner):
            continue
        where = f"{owner}/$ref"
        if not ref.startswith("#"):
            found.append(
                spec.finding(
                    where,
                    "SPEC-REF-EXTERNAL",
                    f"$ref {ref!r} points outside this file; use '#/...'",
                )
            )
            continue
        try:
            target = resolve(doc, ref[1:])
        except (KeyError, IndexError, ValueError):
            found.append(
                spec.finding(where, "SPEC-REF-UNRESOLVED", f"$ref {ref!r} does not resolve")
            )
            continue
        chain = [ref]
        while (
            isinstance(target, dict) and set(target) == {"$ref"} and isinstance(target["$ref"], str)
        ):
            nxt = target["$ref"]
            if nxt in chain:
                loop = " -> ".join([*chain, nxt])
                found.append(
                    spec.finding(
                        where, "SPEC-REF-CYCLE", f"$ref chain never reaches a schema: {loop}"
                    )
                )
                break
            chain.append(nxt)
            try:
                target = resolve(doc, nxt[1:]) if nxt.startswith("#") else None
            except (KeyError, IndexError, ValueError):
                break  # reported where that ref itself is written
    return found
