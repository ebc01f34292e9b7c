"""Findings are values: every stage reports problems as a list of these, never by raising."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """One problem in an input file, located by line/column and JSON pointer."""

    file: str
    line: int
    col: int
    rule: str
    message: str
    pointer: str = ""

    def __str__(self) -> str:
        where = f" (at {self.pointer})" if self.pointer else ""
        return f"{self.file}:{self.line}:{self.col}: {self.rule}: {self.message}{where}"


class SpecError(Exception):
    """Raised when a stage cannot go on; carries every finding gathered so far."""

    def __init__(self, findings: list[Finding], *, unreadable: bool = False) -> None:
        super().__init__("\n".join(str(f) for f in findings))
        self.findings = findings
        # Unreadable input (missing file, broken YAML) exits 2; findings about content exit 1.
        self.unreadable = unreadable
