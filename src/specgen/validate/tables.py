"""TABLES-SCHEMA: the translation mapping tables match the JSON Schema shipped with specgen."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from specgen.findings import Finding
from specgen.load import Source, escape


def validate_tables(tables: Source, schema_path: Path) -> list[Finding]:
    schema = json.loads(schema_path.read_text())
    validator = jsonschema.Draft202012Validator(schema)
    found = list(tables.duplicate_keys)
    for error in validator.iter_errors(tables.data):
        pointer = "".join(f"/{escape(str(p))}" for p in error.absolute_path)
        found.append(tables.finding(pointer, "TABLES-SCHEMA", error.message))
    return found
