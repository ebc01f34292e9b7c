"""Stage 6, write: the only code that touches the output directory.

The manifest (`.specgen-manifest.json`) records, for every generated file, the hash of what
was written and of the rendered text it was formatted from. It lets a run tell hand edits
from stale output, remove files that are no longer generated, and skip unchanged work.
"""

from __future__ import annotations

import difflib
import json
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from specgen.format import sha256

MANIFEST = ".specgen-manifest.json"


@dataclass(frozen=True)
class Manifest:
    inputs: str = ""  # hash of everything a generation reads
    files: dict[str, dict[str, str]] = field(default_factory=dict)  # path -> {sha256, rendered}

    @staticmethod
    def read(root: Path) -> Manifest:
        try:
            data = json.loads((root / MANIFEST).read_text())
            return Manifest(str(data.get("inputs", "")), dict(data.get("files", {})))
        except (OSError, ValueError):
            return Manifest()

    def text(self) -> str:
        body = {
            "generator": "specgen",
            "inputs": self.inputs,
            "files": {k: self.files[k] for k in sorted(self.files)},
        }
        return json.dumps(body, indent=2, sort_keys=True) + "\n"

    def known_formatting(self, root: Path) -> dict[str, str]:
        """rendered-text hash → formatted text, for files still on disk as they were written."""
        known = {}
        for rel, entry in self.files.items():
            text = _read(root / rel)
            if text is not None and sha256(text) == entry.get("sha256") and entry.get("rendered"):
                known[entry["rendered"]] = text
        return known


@dataclass(frozen=True)
class Plan:
    """What writing `outputs` into `root` would do."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    hand_edited: tuple[str, ...]  # files changed on disk since specgen wrote them


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def plan(root: Path, outputs: dict[str, str], old: Manifest) -> Plan:
    written, unchanged, edited = [], [], []
    for rel, text in sorted(outputs.items()):
        on_disk = _read(root / rel)
        if on_disk == text:
            unchanged.append(rel)
            continue
        written.append(rel)
        if on_disk is not None and rel in old.files and sha256(on_disk) != old.files[rel]["sha256"]:
            edited.append(rel)
    removed = []
    for rel in sorted(set(old.files) - set(outputs)):
        on_disk = _read(root / rel)
        if on_disk is None:
            continue
        removed.append(rel)
        if sha256(on_disk) != old.files[rel]["sha256"]:
            edited.append(rel)
    return Plan(tuple(written), tuple(unchanged), tuple(removed), tuple(sorted(edited)))


def apply(root: Path, outputs: dict[str, str], the_plan: Plan, manifest: Manifest) -> None:
    """Write changed files atomically, remove stale ones, then the manifest (last, on success)."""
    root.mkdir(parents=True, exist_ok=True)
    for rel in the_plan.written:
        _atomic_write(_inside(root, rel), outputs[rel])
    for rel in the_plan.removed:
        path = _inside(root, rel)
        path.unlink(missing_ok=True)
        _prune_empty_dirs(path.parent, root)
    _atomic_write(root / MANIFEST, manifest.text())


def _inside(root: Path, rel: str) -> Path:
    # Output paths come from template names; refuse anything that would escape the output root.
    path = (root / rel).resolve()
    if not path.is_relative_to(root.resolve()):
        raise ValueError(f"output path {rel!r} leaves {root}")
    return path


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _prune_empty_dirs(directory: Path, root: Path) -> None:
    root = root.resolve()
    while directory.resolve() != root and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent


def unified_diff(root: Path, outputs: dict[str, str], the_plan: Plan) -> str:
    """A unified diff from what is on disk to what would be generated."""
    chunks: list[str] = []
    for rel in (*the_plan.written, *the_plan.removed):
        before = _read(root / rel) or ""
        after = outputs.get(rel, "")
        chunks.extend(
            difflib.unified_diff(
                before.splitlines(keepends=True),
                after.splitlines(keepends=True),
                f"a/{root.name}/{rel}",
                f"b/{root.name}/{rel}",
            )
        )
    return "".join(chunks)
