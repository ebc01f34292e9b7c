"""SPEC-DOCS-*: the spec covers every documented entry and schema name of the docs index.

An entry is covered by exactly one `x-doc-entry` tag, on an operation or on one of its named
request examples (when several documented entries share one method and path).
"""

from __future__ import annotations

from specgen.findings import Finding
from specgen.load import Source, escape
from specgen.validate.walk import media_types, operations


def doc_entry_tags(spec: Source) -> list[tuple[str, str]]:
    """(entry id, pointer of the tag) for every x-doc-entry in the spec, in document order."""
    tags = []
    for opref in operations(spec.data):
        if "x-doc-entry" in opref.op:
            tags.append((str(opref.op["x-doc-entry"]), f"{opref.pointer}/x-doc-entry"))
        for kind, _status, _ctype, media_ptr, media in media_types(spec.data, opref):
            if kind != "request":
                continue
            for name, example in (media.get("examples") or {}).items():
                if isinstance(example, dict) and "x-doc-entry" in example:
                    tags.append(
                        (
                            str(example["x-doc-entry"]),
                            f"{media_ptr}/examples/{escape(str(name))}/x-doc-entry",
                        )
                    )
    return tags


def check(spec: Source, docs: Source) -> list[Finding]:
    entries = docs.data.get("entries") if isinstance(docs.data, dict) else None
    documented_schemas = docs.data.get("schemas") if isinstance(docs.data, dict) else None
    if not isinstance(entries, list) or not isinstance(documented_schemas, list):
        return [
            docs.finding(
                "", "DOCS-INDEX-FORMAT", "the docs index needs `entries` and `schemas` lists"
            )
        ]
    ids = {str(e.get("id")): i for i, e in enumerate(entries) if isinstance(e, dict)}
    found: list[Finding] = []
    covered: dict[str, str] = {}
    for entry_id, pointer in doc_entry_tags(spec):
        if entry_id not in ids:
            found.append(
                spec.finding(
                    pointer,
                    "SPEC-DOCS-UNKNOWN",
                    f"x-doc-entry {entry_id!r} is not an entry of {docs.path}",
                )
            )
        elif entry_id in covered:
            line, _ = spec.position(covered[entry_id])
            found.append(
                spec.finding(
                    pointer,
                    "SPEC-DOCS-DUPLICATE",
                    f"doc entry {entry_id!r} is already tagged at line {line}",
                )
            )
        else:
            covered[entry_id] = pointer
    for entry_id, index in ids.items():
        if entry_id not in covered:
            found.append(
                docs.finding(
                    f"/entries/{index}",
                    "SPEC-DOCS-UNCOVERED",
                    f"doc entry {entry_id!r} is not covered by any operation "
                    "or request example (x-doc-entry)",
                )
            )
    schemas = (spec.data.get("components") or {}).get("schemas") or {}
    for index, name in enumerate(documented_schemas):
        if name not in schemas:
            found.append(
                docs.finding(
                    f"/schemas/{index}",
                    "SPEC-DOCS-SCHEMA-MISSING",
                    f"documented schema {name!r} is not in components.schemas",
                )
            )
    return found
