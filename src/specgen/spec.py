"""Load and validate the spec with its companion files: the first two stages as one call."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from specgen.findings import SpecError
from specgen.load import Source, load_yaml
from specgen.validate import validate
from specgen.validate.tables import validate_tables
from specgen.validate.coverage import doc_entry_tags
from specgen.validate.walk import operations

DEFAULT_SPEC = Path("spec/allllms.yaml")
DOCS_INDEX_NAME = "docs-index.yaml"
TRANSLATIONS_NAME = "translations.yaml"
TRANSLATIONS_SCHEMA = Path(__file__).parent / "translations.schema.json"


@dataclass(frozen=True)
class CheckedSpec:
    """A spec that passed validation, with the docs index it was checked against (if any)."""

    source: Source
    docs_index: Source | None
    tables: Source | None = None  # translation mapping tables, when the spec folder has them


def load_checked_spec(path: Path) -> CheckedSpec:
    """Load `path` (and `docs-index.yaml` beside it, when present); raise SpecError on findings."""
    source = load_yaml(path)
    docs_path = path.parent / DOCS_INDEX_NAME
    docs = load_yaml(docs_path) if docs_path.exists() else None
    tables_path = path.parent / TRANSLATIONS_NAME
    tables = load_yaml(tables_path) if tables_path.exists() else None
    findings = validate(source, docs)
    if tables is not None and TRANSLATIONS_SCHEMA.exists():
        findings += validate_tables(tables, TRANSLATIONS_SCHEMA)
    if findings:
        raise SpecError(findings)
    return CheckedSpec(source, docs, tables)


def summarize(spec: CheckedSpec) -> str:
    doc = spec.source.data
    ops = list(operations(doc))
    schemas = (doc.get("components") or {}).get("schemas") or {}
    n_examples = sum(len(m.get("examples") or {}) for o in ops for _k, _s, _c, _p, m in _media(doc, o))
    line = (f"{spec.source.path}: valid — {len(ops)} operations, {len(schemas)} schemas, "
            f"{n_examples} examples")
    if spec.docs_index is not None:
        entries = spec.docs_index.data.get("entries") or []
        covered = {entry for entry, _ in doc_entry_tags(spec.source)}
        names = spec.docs_index.data.get("schemas") or []
        line += (f"; doc entries covered {len(covered)}/{len(entries)}, "
                 f"documented schemas {sum(n in schemas for n in names)}/{len(names)}")
    return line


def _media(doc, opref):  # type: ignore[no-untyped-def]
    from specgen.validate.walk import media_types

    return media_types(doc, opref)
