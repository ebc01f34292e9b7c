"""SPEC-NAME-INVALID / SPEC-NAME-COLLISION: spec names become valid, distinct Python names."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from specgen import names
from specgen.findings import Finding
from specgen.load import Source, escape
from specgen.validate.walk import operations


def check(spec: Source) -> list[Finding]:
    op_names = [
        (o.op["operationId"], f"{o.pointer}/operationId")
        for o in operations(spec.data)
        if isinstance(o.op.get("operationId"), str)
    ]
    schema_names = [
        (name, f"/components/schemas/{escape(name)}")
        for name in ((spec.data.get("components") or {}).get("schemas") or {})
    ]
    return [
        *_check(spec, op_names, names.snake_name, "operationId"),
        *_check(spec, schema_names, names.class_name, "schema name"),
    ]


def _check(
    spec: Source, items: Iterable[tuple[str, str]], convert: Callable[[str], str], what: str
) -> list[Finding]:
    found: list[Finding] = []
    taken: dict[str, str] = {}
    for raw, pointer in items:
        raw = str(raw)
        if not names.is_convertible(raw):
            found.append(
                spec.finding(
                    pointer,
                    "SPEC-NAME-INVALID",
                    f"{what} {raw!r} has no ASCII letters or digits to build a " "Python name from",
                )
            )
            continue
        python = convert(raw)
        if python in taken and taken[python] != raw:
            found.append(
                spec.finding(
                    pointer,
                    "SPEC-NAME-COLLISION",
                    f"{what} {raw!r} and {taken[python]!r} both become " f"Python name {python!r}",
                )
            )
        taken.setdefault(python, raw)
    return found
