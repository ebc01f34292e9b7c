"""The whole pipeline as one call: load → validate → build → render → format → (plan) write.

Nothing touches the output directory before every file has rendered and formatted; a failure
at any stage leaves it exactly as it was. The two slow, independent steps use both cores:
openapi-spec-validator runs in a worker while the models render, and black formats files in
parallel.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import specgen
from specgen.build import build
from specgen.findings import SpecError
from specgen.format import format_files, sha256
from specgen.render import BUILTIN_TEMPLATES, render
from specgen.spec import check_spec, load_spec_files
from specgen.validate import openapi_findings, ordered
from specgen.write import Manifest, Plan, plan


@dataclass(frozen=True)
class Generation:
    outputs: dict[str, str]
    manifest: Manifest
    plan: Plan
    seconds: float
    reused: bool  # inputs unchanged and outputs intact: nothing was rendered


def inputs_hash(spec_path: Path, template_dirs: tuple[Path, ...]) -> str:
    """Hash of every file a generation reads: the spec folder, templates and specgen itself."""
    digest = hashlib.sha256(specgen.__version__.encode())
    roots = [spec_path.parent, *template_dirs, BUILTIN_TEMPLATES, Path(specgen.__file__).parent]
    for root in roots:
        files = sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in files:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _intact(root: Path, manifest: Manifest) -> dict[str, str] | None:
    """The outputs on disk, if every file the manifest lists is still exactly as written."""
    outputs = {}
    for rel, entry in manifest.files.items():
        try:
            text = (root / rel).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        if sha256(text) != entry["sha256"]:
            return None
        outputs[rel] = text
    return outputs


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large, long-lived object graphs.

    A generation allocates millions of objects that live until it ends; the collector's full
    passes over them made time grow faster than the spec (a 10x spec took 17x as long).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run(spec_path: Path, out_root: Path, template_dirs: tuple[Path, ...] = ()) -> Generation:
    """Compute what `out_root` should contain; raises SpecError/RenderError/FormatError."""
    with _gc_paused():
        return _run(spec_path, out_root, template_dirs)


def _run(spec_path: Path, out_root: Path, template_dirs: tuple[Path, ...]) -> Generation:
    started = time.perf_counter()
    old = Manifest.read(out_root)
    inputs = inputs_hash(spec_path, template_dirs)
    if old.inputs == inputs and old.files and (outputs := _intact(out_root, old)) is not None:
        return Generation(
            outputs, old, plan(out_root, outputs, old), time.perf_counter() - started, True
        )
    files = load_spec_files(spec_path)
    with ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork")) as pool:
        openapi_job = pool.submit(openapi_findings, files.source)
        findings = check_spec(files, with_openapi=False)
        if findings:
            raise SpecError(ordered(findings + openapi_job.result()))
        api = build(files.source, files.docs_index, spec_path=_display(spec_path))
        rendered = render(api, template_dirs=template_dirs, tables=files.table_data)
        if findings := openapi_job.result():
            raise SpecError(findings)
        outputs = format_files(rendered, old.known_formatting(out_root), pool=pool)
    manifest = Manifest(
        inputs,
        {
            rel: {"sha256": sha256(text), "rendered": sha256(rendered[rel])}
            for rel, text in outputs.items()
        },
    )
    return Generation(
        outputs, manifest, plan(out_root, outputs, old), time.perf_counter() - started, False
    )


def _display(path: Path) -> str:
    """How headers name the spec: its folder and file name, so output never depends on where
    the checkout lives (`spec/allllms.yaml`)."""
    return f"{path.parent.name}/{path.name}" if path.parent.name else path.name
