"""The generated models meet reality: every example in the spec validates and round-trips."""

from __future__ import annotations

import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GENERATED, SPEC

MODELS_DIR = GENERATED / "allllms_models"
sys.path.insert(0, str(MODELS_DIR))


def _examples() -> list[Any]:
    from specgen.build import build
    from specgen.spec import load_checked_spec

    checked = load_checked_spec(SPEC)
    api = build(checked.source, checked.docs_index)
    cases = []
    for op in api.operations:
        bodies = [("request", c) for c in op.body.contents] if op.body else []
        bodies += [(answer.status, c) for answer in op.answers for c in answer.contents]
        for where, content in bodies:
            if content.annotation is None:
                continue
            for name, value in content.examples:
                events = value if content.kind == "event-stream" else [value]
                for i, event in enumerate(events):
                    label = f"{op.operation_id}-{where}-{content.media_type}-{name}"
                    label += f"[{i}]" if content.kind == "event-stream" else ""
                    cases.append(pytest.param(content.annotation, event, id=label))
    return cases


EXAMPLES = _examples()


def test_the_spec_has_examples_to_check() -> None:
    assert len(EXAMPLES) > 100


@pytest.mark.parametrize(("annotation", "example"), EXAMPLES)
def test_example_round_trips_through_the_models(annotation: str, example: Any) -> None:
    import allllms_models
    import pydantic

    namespace = {**vars(typing), **vars(allllms_models)}
    adapter = pydantic.TypeAdapter(eval(annotation, namespace))  # annotations come from the IR
    model = adapter.validate_python(example)
    dumped = adapter.dump_python(model, mode="json", exclude_unset=True, by_alias=True)
    assert dumped == example


def test_models_package_is_self_contained_and_type_checks(tmp_path: Path) -> None:
    source = (MODELS_DIR / "allllms_models").rglob("*.py")
    assert not any("specgen" in p.read_text().split("\n", 1)[1] for p in source)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--cache-dir",
            str(tmp_path),
            "--ignore-missing-imports",
            "--disallow-untyped-defs",
            "-p",
            "allllms_models",
        ],
        cwd=MODELS_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
