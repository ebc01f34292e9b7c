"""Golden cases: discovery, in-memory generation, and the `regenerate` command.

One directory per case under `tests/golden/<case>/`:

    spec/allllms.yaml       the input (plus `docs-index.yaml` beside it when the case is about
                            documentation coverage)
    expected/               output case: the full tree `specgen generate --out` writes, minus
                            `.specgen-manifest.json` (it hashes specgen's own source)
    expected-error.txt      failing case: the exact stdout of `specgen validate`, run from the
                            repo root with the spec's repo-relative path

A failing spec marks each defect with a `# <- RULE-ID` comment on the line a finding must point
at; the tests check every finding lands on such a line and every marker is reported.

`python -m tests.golden_cases regenerate` (`make golden`) rewrites every expected tree and error
file using this module's discovery, so it can never drift from what the tests compare.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SPEC_FILE = "allllms.yaml"
# The path generated headers show: what `specgen generate --spec spec/allllms.yaml` prints when
# run inside the case directory.
SPEC_SHOWN = f"spec/{SPEC_FILE}"
EXPECTED = "expected"
EXPECTED_ERROR = "expected-error.txt"
NOT_COMPARED = frozenset({".specgen-manifest.json"})
REGENERATE = "make golden"

FINDING = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z][A-Z0-9-]+): ")
MARKER = re.compile(r"#\s*<-\s*(?P<rules>[A-Z][A-Z0-9-]+(?:[ ,]+[A-Z][A-Z0-9-]+)*)")


@dataclass(frozen=True)
class Case:
    """One golden case directory."""

    name: str
    path: Path

    @property
    def spec(self) -> Path:
        return self.path / "spec" / SPEC_FILE

    @property
    def spec_relative(self) -> str:
        """The spec's path relative to the repo root, as `specgen validate` prints it."""
        return self.spec.relative_to(ROOT).as_posix()

    @property
    def expected(self) -> Path:
        return self.path / EXPECTED

    @property
    def expected_error(self) -> Path:
        return self.path / EXPECTED_ERROR

    @property
    def fails(self) -> bool:
        """A failing-spec case (it has an expected error file instead of an expected tree)."""
        return self.expected_error.exists()


def discover() -> list[Case]:
    """Every directory under tests/golden/ that holds a spec, sorted by name."""
    return [Case(p.name, p) for p in sorted(GOLDEN.iterdir())
            if p.is_dir() and (p / "spec" / SPEC_FILE).is_file()]


def output_cases() -> list[Case]:
    return [c for c in discover() if not c.fails]


def error_cases() -> list[Case]:
    return [c for c in discover() if c.fails]


def generate(case: Case) -> dict[str, str]:
    """The case's output tree in memory: {relative path: text}, as `specgen generate` writes it."""
    from specgen.build import build
    from specgen.format import format_files
    from specgen.render import render
    from specgen.spec import load_checked_spec

    checked = load_checked_spec(case.spec)
    api = build(checked.source, checked.docs_index, spec_path=SPEC_SHOWN)
    rendered = render(api, tables=checked.table_data)
    return format_files(rendered)


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    before = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def validate_output(case: Case) -> tuple[int, str]:
    """(exit code, stdout) of `specgen validate <repo-relative spec>` run from the repo root.

    In-process through click's test runner: the CLI's own code, without a Python start-up per case.
    """
    from click.testing import CliRunner

    from specgen.cli import main

    with _cwd(ROOT):
        result = CliRunner().invoke(main, ["validate", case.spec_relative])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def read_tree(root: Path) -> dict[str, str]:
    """{relative posix path: text} of every file under `root` except the uncompared ones."""
    if not root.is_dir():
        return {}
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.name not in NOT_COMPARED and "__pycache__" not in p.parts}


def write_tree(root: Path, files: dict[str, str]) -> None:
    """Replace `root` with exactly `files`."""
    if root.exists():
        shutil.rmtree(root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")


def regenerate_case(case: Case) -> str:
    """Rewrite one case's expectation; a case never silently switches between output and error.

    A new case (no expectation yet) becomes whichever kind its spec produces.
    """
    code, stdout = validate_output(case)
    has_output = case.expected.exists()
    if code == 0:
        if case.fails:
            raise SystemExit(f"{case.name}: the spec now validates, but the case expects errors "
                             f"({case.expected_error}); fix the spec or delete that file")
        write_tree(case.expected, generate(case))
        return "output" if has_output else "output (new)"
    if has_output:
        raise SystemExit(f"{case.name}: the spec no longer validates:\n{stdout}"
                         f"fix the spec, or delete {case.expected} to make it a failing case")
    new = "" if case.fails else " (new)"
    case.expected_error.write_text(stdout, encoding="utf-8", newline="")
    return f"error, exit {code}{new}"


def main(argv: list[str]) -> int:
    if argv != ["regenerate"]:
        print("usage: python -m tests.golden_cases regenerate", file=sys.stderr)
        return 2
    for case in discover():
        print(f"{case.name}: {regenerate_case(case)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
