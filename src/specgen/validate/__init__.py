"""Stage 2, validate: every rule returns findings as values; all of them are reported together.

Rule ids are stable; each rule module's docstring describes the rules it checks.
"""

from __future__ import annotations

from specgen.findings import Finding
from specgen.load import Source
from specgen.validate import (
    coverage,
    examples,
    names,
    openapi,
    refs,
    shape,
    streams,
    structure,
)


def validate(
    spec: Source, docs_index: Source | None = None, *, with_openapi: bool = True
) -> list[Finding]:
    """All findings for `spec` (and its documentation coverage when `docs_index` is given).

    `with_openapi=False` leaves out openapi-spec-validator (the slowest rule by far) so a caller
    can run it concurrently with `openapi_findings`.
    """
    found: list[Finding] = list(spec.duplicate_keys)
    if not isinstance(spec.data, dict):
        return [spec.finding("", "SPEC-NOT-MAPPING", "the spec must be a YAML mapping")]
    shape_findings = shape.check(spec)
    if shape_findings:  # the custom rules cannot walk a document of the wrong shape
        found += shape_findings
        if with_openapi:
            found += openapi.check(spec)
        return ordered(found)
    ref_findings = refs.check(spec)
    found += ref_findings
    # openapi-spec-validator follows refs itself; with broken refs it only repeats them, noisily.
    if not ref_findings and with_openapi:
        found += openapi.check(spec)
    documented: frozenset[str] = frozenset()
    if docs_index is not None and isinstance(docs_index.data, dict):
        documented = frozenset(map(str, docs_index.data.get("schemas") or []))
    found += structure.check(spec, documented)
    found += names.check(spec)
    found += streams.check(spec)
    if not ref_findings:
        found += examples.check(spec)
    if docs_index is not None:
        found += list(docs_index.duplicate_keys)
        found += coverage.check(spec, docs_index)
    return ordered(found)


def ordered(found: list[Finding]) -> list[Finding]:
    return sorted(set(found), key=lambda f: (f.file, f.line, f.col, f.rule, f.message))


def openapi_findings(spec: Source) -> list[Finding]:
    """openapi-spec-validator's share of `validate`, to run concurrently with the rest of it."""
    if not isinstance(spec.data, dict):
        return []
    if not shape.check(spec) and refs.check(spec):
        return []  # with broken refs it only repeats them, noisily
    return openapi.check(spec)
