"""The spec and its companion files, loaded and validated: the first two stages as calls."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from specgen.findings import Finding, SpecError
from specgen.load import Source, load_yaml
from specgen.validate import ordered, validate
from specgen.validate.coverage import doc_entry_tags
from specgen.validate.tables import validate_tables
from specgen.validate.walk import media_types, operations

DEFAULT_SPEC = Path("spec/allllms.yaml")
DOCS_INDEX_NAME = "docs-index.yaml"
TRANSLATIONS_NAME = "translations.yaml"
TRANSLATIONS_SCHEMA = Path(__file__).parent / "translations.schema.json"


@dataclass(frozen=True)
class SpecFiles:
    """The root spec with the companions found beside it."""

    source: Source
    docs_index: Source | None  # the docs' table of contents, for coverage
    tables: Source | None = None  # translation mapping tables

    @property
    def table_data(self) -> dict[str, Any] | None:
        """The mapping tables as plain data, for rendering (None when the spec has none)."""
        return self.tables.data if self.tables is not None else None


def load_spec_files(path: Path) -> SpecFiles:
    """Load `path` and, when present beside it, `docs-index.yaml` and `translations.yaml`."""
    source = load_yaml(path)
    docs_path, tables_path = path.parent / DOCS_INDEX_NAME, path.parent / TRANSLATIONS_NAME
    return SpecFiles(
        source,
        load_yaml(docs_path) if docs_path.exists() else None,
        load_yaml(tables_path) if tables_path.exists() else None,
    )


def check_spec(files: SpecFiles, *, with_openapi: bool = True) -> list[Finding]:
    findings = validate(files.source, files.docs_index, with_openapi=with_openapi)
    if files.tables is not None and TRANSLATIONS_SCHEMA.exists():
        findings += validate_tables(files.tables, TRANSLATIONS_SCHEMA)
    return ordered(findings)


def load_checked_spec(path: Path) -> SpecFiles:
    """Load and validate; raise SpecError carrying every finding."""
    files = load_spec_files(path)
    findings = check_spec(files)
    if findings:
        raise SpecError(findings)
    return files


def summarize(spec: SpecFiles) -> str:
    doc = spec.source.data
    ops = list(operations(doc))
    schemas = (doc.get("components") or {}).get("schemas") or {}
    n_examples = sum(
        len(media.get("examples") or {}) for o in ops for *_ignored, media in media_types(doc, o)
    )
    line = (
        f"{spec.source.path}: valid: {len(ops)} operations, {len(schemas)} schemas, "
        f"{n_examples} examples"
    )
    if spec.docs_index is not None:
        entries = spec.docs_index.data.get("entries") or []
        covered = {entry for entry, _ in doc_entry_tags(spec.source)}
        names = spec.docs_index.data.get("schemas") or []
        line += (
            f"; doc entries covered {len(covered)}/{len(entries)}, "
            f"documented schemas {sum(n in schemas for n in names)}/{len(names)}"
        )
    return line
