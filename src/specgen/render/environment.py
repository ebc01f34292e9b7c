"""The Jinja2 environment: strict, whitespace-controlled, with a small named set of filters."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import jinja2


def docstring(text: str, indent: int = 4) -> str:
    """Text made safe inside a triple-quoted docstring (backslashes and quotes escaped)."""
    safe = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    return textwrap.indent(safe, " " * indent).lstrip()


def pyliteral(value: Any, indent: int = 0) -> str:
    """A Python literal of plain data that black leaves exactly as it is.

    Every non-empty list and dict is written one element per line with a trailing comma (black's
    "magic trailing comma" keeps it exploded), strings in the quotes black prefers, and dict keys
    sorted. `indent` is the column the literal's first line starts at.
    """
    pad, inner = " " * indent, " " * (indent + 4)
    if isinstance(value, dict) and value:
        items = [
            f"{inner}{pyliteral(str(k))}: {pyliteral(value[k], indent + 4)},"
            for k in sorted(value, key=str)
        ]
        return "{\n" + "\n".join(items) + f"\n{pad}}}"
    if isinstance(value, list | tuple) and value:
        items = [f"{inner}{pyliteral(v, indent + 4)}," for v in value]
        return "[\n" + "\n".join(items) + f"\n{pad}]"
    if isinstance(value, str):
        return _black_string(value)
    if isinstance(value, list | tuple):
        return "[]"
    if isinstance(value, dict):
        return "{}"
    return repr(value)


def _black_string(text: str) -> str:
    # black prefers double quotes unless that needs more escapes than single quotes do.
    if '"' in text and "'" not in text:
        return repr(text) if repr(text).startswith("'") else "'" + repr(text)[1:-1] + "'"
    body = repr(text)[1:-1]
    if repr(text).startswith('"'):
        return '"' + body + '"'
    return '"' + body.replace("\\'", "'").replace('"', '\\"') + '"'


def tomlstr(value: Any) -> str:
    """A TOML basic string (JSON string escapes are valid TOML)."""
    return json.dumps(str(value), ensure_ascii=False)


def make_environment(search_path: tuple[Path, ...]) -> jinja2.Environment:
    loaders = [jinja2.FileSystemLoader(str(p)) for p in search_path if Path(p).is_dir()]
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters.update(pyliteral=pyliteral, docstring=docstring, tomlstr=tomlstr)
    return env
