"""SPEC-OPENAPI: the document is valid OpenAPI 3.1 (openapi-spec-validator)."""

from __future__ import annotations

from specgen.findings import Finding
from specgen.load import Source, escape


def check(spec: Source) -> list[Finding]:
    from openapi_spec_validator import OpenAPIV31SpecValidator

    if not str(spec.data.get("openapi", "")).startswith("3.1"):
        return [
            spec.finding(
                "/openapi",
                "SPEC-OPENAPI-VERSION",
                f"openapi must be 3.1.x, found {spec.data.get('openapi')!r}",
            )
        ]
    found = []
    try:
        for error in OpenAPIV31SpecValidator(spec.data).iter_errors():
            path = getattr(error, "absolute_path", None) or getattr(error, "path", None) or []
            pointer = "".join(f"/{escape(str(p))}" for p in path)
            message = str(getattr(error, "message", error)).splitlines()[0]
            if "is not unique" in message:
                continue  # duplicate operationIds: SPEC-OPID-DUP says it, with a line number
            found.append(spec.finding(pointer, "SPEC-OPENAPI", message))
    except Exception as exc:  # the validator raises on some malformed documents
        found.append(
            spec.finding(
                "",
                "SPEC-OPENAPI",
                "not a valid OpenAPI document; the validator "
                f"stopped at {type(exc).__name__}: {exc}",
            )
        )
    return found
