"""Stage 5, format: black on every Python file, in-process, skipping text already formatted.

black costs about 0.3 ms per line on these machines, so formatting is memoised by the hash of
the rendered text: the previous run's manifest says which rendered text produced which output.
"""

from __future__ import annotations

import ast
import hashlib
from concurrent.futures import Executor

import black

MODE = black.Mode(target_versions={black.TargetVersion.PY311}, line_length=100)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def format_files(
    rendered: dict[str, str], known: dict[str, str] | None = None, pool: Executor | None = None
) -> dict[str, str]:
    """Formatted text for every file; `known` maps a rendered-text hash to its formatted text.

    Python files are formatted unless `rendered` says which ones need it (`needs_formatting`,
    see `RenderedFiles`). With a process `pool`, files are formatted in parallel, largest first.
    """
    known = known or {}
    needs = getattr(rendered, "needs_formatting", None)
    pending = {p for p in rendered if p.endswith(".py") and (needs is None or p in needs)}
    formatted = {path: text for path, text in rendered.items() if path not in pending}
    todo = []
    for path, text in rendered.items():
        if path in pending:
            cached = known.get(sha256(text))
            if cached is not None:
                formatted[path] = cached
            else:
                todo.append(path)
    for path in formatted:
        if path.endswith(".py"):
            check_syntax(path, formatted[path])
    todo.sort(key=lambda p: -len(rendered[p]))
    mapper = pool.map if pool is not None and len(todo) > 1 else map
    for path, text in zip(todo, mapper(format_python, [rendered[p] for p in todo]), strict=True):
        formatted[path] = text
    return dict(sorted(formatted.items()))


def check_syntax(path: str, text: str) -> None:
    """Text that skips black is still parsed, so broken output never reaches the disk."""
    try:
        compile(text, path, "exec", flags=ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as exc:
        raise FormatError(
            f"{path}:{exc.lineno}: generated code is not valid Python: {exc.msg}"
        ) from exc


def format_python(text: str) -> str:
    try:
        return black.format_str(text, mode=MODE)
    except black.InvalidInput as exc:
        raise FormatError(f"generated code is not valid Python: {exc}") from exc


class FormatError(Exception):
    """A renderer produced text that is not Python; nothing has been written."""
