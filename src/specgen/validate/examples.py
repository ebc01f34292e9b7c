"""SPEC-EXAMPLE-INVALID / SPEC-EXAMPLE-MISSING: examples exist where needed and validate.

Every request body media type and every 2xx JSON answer carries named `examples` (an unimplemented
route documents its 501 instead). A text/event-stream example is a list of events, each validated
against the event schema. Validation is JSON Schema 2020-12 with the whole document as the
resource, so `#/components/...` refs resolve as they do for OpenAPI tools.
"""

from __future__ import annotations

from typing import Any

import jsonschema
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from specgen.findings import Finding
from specgen.load import Source, escape
from specgen.validate.walk import media_types, operations

_BASE = "urn:specgen:spec"


def check(spec: Source) -> list[Finding]:
    registry: Registry[Any] = Registry().with_resource(
        _BASE, DRAFT202012.create_resource(spec.data)
    )
    validators: dict[str, jsonschema.protocols.Validator] = {}
    found: list[Finding] = []
    for opref in operations(spec.data):
        label = f"{opref.method.upper()} {opref.path}"
        unimplemented = bool(opref.op.get("x-unimplemented"))
        for kind, status, ctype, media_ptr, media in media_types(spec.data, opref):
            examples = media.get("examples")
            if "example" in media:
                found.append(
                    spec.finding(
                        f"{media_ptr}/example",
                        "SPEC-EXAMPLE-MISSING",
                        "use named `examples`, not the singular `example`",
                    )
                )
            needs = kind == "request" or (
                _is_json(ctype) and (status.startswith("2") or (unimplemented and status == "501"))
            )
            if needs and not examples:
                what = "request body" if kind == "request" else f"{status} answer"
                found.append(
                    spec.finding(
                        media_ptr,
                        "SPEC-EXAMPLE-MISSING",
                        f"{label}: the {what} ({ctype}) has no examples",
                    )
                )
            if not isinstance(media.get("schema"), dict) or not isinstance(examples, dict):
                continue
            validator = validators.get(media_ptr)
            if validator is None:
                schema = {"$ref": f"{_BASE}#{_uri_pointer(media_ptr)}/schema"}
                validator = jsonschema.Draft202012Validator(schema, registry=registry)
                validators[media_ptr] = validator
            for name, example in examples.items():
                ex_ptr = f"{media_ptr}/examples/{escape(str(name))}"
                if not isinstance(example, dict) or "value" not in example:
                    found.append(
                        spec.finding(
                            ex_ptr, "SPEC-EXAMPLE-INVALID", f"example {name!r} needs a `value`"
                        )
                    )
                    continue
                values = _values(ctype, example["value"])
                if values is None:
                    found.append(
                        spec.finding(
                            f"{ex_ptr}/value",
                            "SPEC-EXAMPLE-INVALID",
                            f"example {name!r}: a stream example is a list of events",
                        )
                    )
                    continue
                for sub_ptr, value in values:
                    found += _validate(spec, validator, value, f"{ex_ptr}/value{sub_ptr}", name)
    return found


def _is_json(ctype: str) -> bool:
    return ctype == "application/json" or ctype.endswith("+json")


def _uri_pointer(pointer: str) -> str:
    # JSON pointers in a URI fragment percent-encode the characters a fragment cannot hold.
    from urllib.parse import quote

    return quote(pointer, safe="/~")


def _values(ctype: str, value: Any) -> list[tuple[str, Any]] | None:
    if ctype != "text/event-stream":
        return [("", value)]
    if not isinstance(value, list):
        return None
    return [(f"/{i}", event) for i, event in enumerate(value)]


def _validate(spec: Source, validator: Any, value: Any, pointer: str, name: str) -> list[Finding]:
    found = []
    for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path)):
        inner = "".join(f"/{escape(str(p))}" for p in error.absolute_path)
        best = jsonschema.exceptions.best_match([error])
        message = best.message if len(best.message) < 300 else best.message[:297] + "..."
        found.append(
            spec.finding(
                pointer + inner,
                "SPEC-EXAMPLE-INVALID",
                f"example {name!r} does not match its schema: {message}",
            )
        )
    return found
