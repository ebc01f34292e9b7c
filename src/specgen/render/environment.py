"""The Jinja2 environment: strict, whitespace-controlled, with a small named set of filters."""

from __future__ import annotations

import pprint
import textwrap
from pathlib import Path
from typing import Any

import jinja2


def pyrepr(value: Any) -> str:
    """A Python literal for plain data, with sorted dict keys so output never depends on order."""
    return pprint.pformat(value, width=88, sort_dicts=True)


def docstring(text: str, indent: int = 4) -> str:
    """Text made safe inside a triple-quoted docstring (backslashes and quotes escaped)."""
    safe = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').strip()
    return textwrap.indent(safe, " " * indent).lstrip()


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
    env.filters.update(pyrepr=pyrepr, docstring=docstring, pystr=repr)
    return env
