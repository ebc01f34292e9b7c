"""Shared fixtures: the repo's paths and a generated tree made once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "spec" / "allllms.yaml"
GENERATED = ROOT / "generated"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under `root` with its bytes, to prove a failed run changed nothing."""
    # Bytecode caches appear wherever tests import the generated packages; they are not output.
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


@pytest.fixture(scope="session")
def fresh_outputs() -> dict[str, str]:
    """What a full generation of spec/ produces, computed in memory (no disk writes)."""
    from specgen.build import build
    from specgen.format import format_files
    from specgen.render import render
    from specgen.spec import load_checked_spec

    checked = load_checked_spec(SPEC)
    api = build(checked.source, checked.docs_index, spec_path="spec/allllms.yaml")
    tables = checked.table_data
    return format_files(render(api, tables=tables))


@pytest.fixture
def spec_copy(tmp_path: Path) -> Path:
    """A private copy of spec/ (so a test may edit it); returns the root spec file."""
    target = tmp_path / "spec"
    shutil.copytree(SPEC.parent, target)
    return target / SPEC.name
