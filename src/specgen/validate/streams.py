"""SPEC-STREAM: a streaming operation says how it streams, and names an event schema that exists.

Streams are declared with `x-stream: {trigger, framing, event-schema}` and answered as
`text/event-stream`; a text/event-stream answer without `x-stream` (or the reverse) is a finding.
SPEC-WEBSOCKET: `x-websocket` names client and server event schemas that exist.
"""

from __future__ import annotations

from specgen.findings import Finding
from specgen.load import Source
from specgen.validate.walk import media_types, operations

TRIGGERS = ("body-flag", "always")
FRAMINGS = ("data-only", "data-done", "event-data")


def check(spec: Source) -> list[Finding]:
    schemas = (spec.data.get("components") or {}).get("schemas") or {}
    found = []
    for opref in operations(spec.data):
        label = f"{opref.method.upper()} {opref.path}"
        streams_sse = any(
            kind == "response" and ctype == "text/event-stream"
            for kind, _s, ctype, _p, _m in media_types(spec.data, opref)
        )
        stream = opref.op.get("x-stream")
        where = f"{opref.pointer}/x-stream"
        if stream is None:
            if streams_sse:
                found.append(
                    spec.finding(
                        opref.pointer,
                        "SPEC-STREAM",
                        f"{label} answers text/event-stream but has no x-stream",
                    )
                )
        elif not isinstance(stream, dict):
            found.append(spec.finding(where, "SPEC-STREAM", "x-stream must be a mapping"))
        else:
            event = stream.get("event-schema")
            if not isinstance(event, str) or event not in schemas:
                found.append(
                    spec.finding(
                        where,
                        "SPEC-STREAM",
                        f"{label}: x-stream.event-schema must name a component "
                        f"schema, found {event!r}",
                    )
                )
            if stream.get("trigger") not in TRIGGERS:
                found.append(
                    spec.finding(
                        where, "SPEC-STREAM", f"x-stream.trigger must be one of {TRIGGERS}"
                    )
                )
            if stream.get("framing") not in FRAMINGS:
                found.append(
                    spec.finding(
                        where, "SPEC-STREAM", f"x-stream.framing must be one of {FRAMINGS}"
                    )
                )
            if not streams_sse:
                found.append(
                    spec.finding(
                        where,
                        "SPEC-STREAM",
                        f"{label} has x-stream but no text/event-stream answer",
                    )
                )
        socket = opref.op.get("x-websocket")
        if socket is not None:
            for key in ("client-events", "server-events"):
                name = socket.get(key) if isinstance(socket, dict) else None
                if not isinstance(name, str) or name not in schemas:
                    found.append(
                        spec.finding(
                            f"{opref.pointer}/x-websocket",
                            "SPEC-WEBSOCKET",
                            f"x-websocket.{key} must name a component schema, " f"found {name!r}",
                        )
                    )
    return found
