"""Stage 4, render: the IR becomes `{relative path: text}`, entirely in memory.

Each output package has a template directory that mirrors its tree (`templates/models/` →
`generated/allllms_models/`); `X.jinja` renders to `X`, files starting with `_` are macros.
The models package's schema modules come from datamodel-code-generator instead of templates.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from specgen import ir
from specgen.render.environment import make_environment
from specgen.render.models import render_model_modules

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"

# template directory → output package directory under generated/
PACKAGES = {
    "models": "allllms_models",
    "server": "allllms_server",
    "translators": "allllms_translators",
}


class RenderError(Exception):
    """A template or the model generator failed; nothing has been written."""


class RenderedFiles(dict[str, str]):
    """`{path: text}` plus the paths whose text still needs black.

    Built-in templates are written to render black-stable code (tests assert it), so only the
    model generator's modules and files from user template directories go through black.
    """

    def __init__(self) -> None:
        super().__init__()
        self.needs_formatting: set[str] = set()


def render(
    api: ir.Api, *, template_dirs: tuple[Path, ...] = (), tables: dict[str, Any] | None = None
) -> RenderedFiles:
    """Render every output file. `template_dirs` are searched before the built-in templates."""
    env = make_environment((*template_dirs, BUILTIN_TEMPLATES))
    context = {"api": api, "header": api.header, "tables": tables or {}, "packages": PACKAGES}
    files = RenderedFiles()
    builtin = str(BUILTIN_TEMPLATES)
    for name in sorted(env.list_templates(extensions=["jinja"])):
        top, _, rest = name.partition("/")
        if top not in PACKAGES or any(_is_macro(p) for p in rest.split("/")):
            continue
        if top == "translators" and not tables:
            continue  # the translators package exists only when the spec has mapping tables
        out = f"{PACKAGES[top]}/{rest.removesuffix('.jinja')}"
        try:
            template = env.get_template(name)
            files[out] = template.render({**context, "header": api.header_for(out)})
        except Exception as exc:  # template errors of every kind become one clear message
            raise RenderError(
                f"{_template_location(exc, name)}: {type(exc).__name__}: {exc}"
            ) from exc
        if not (template.filename or "").startswith(builtin):
            files.needs_formatting.add(out)
    try:
        models = render_model_modules(api)
    except Exception as exc:
        raise RenderError(f"datamodel-code-generator failed: {type(exc).__name__}: {exc}") from exc
    for module, text in models.items():
        path = f"{PACKAGES['models']}/{PACKAGES['models']}/{module}.py"
        files[path] = text
        files.needs_formatting.add(path)
    return files


def _template_location(exc: Exception, name: str) -> str:
    lineno = getattr(exc, "lineno", None)
    filename = getattr(exc, "filename", None) or f"templates/{name}"
    if lineno is None:
        # Undefined-variable errors carry no line; find the template frame in the traceback.
        tb = exc.__traceback__
        while tb is not None:
            if (
                tb.tb_frame.f_code.co_filename.endswith(".jinja")
                or "template" in tb.tb_frame.f_code.co_filename
            ):
                lineno = tb.tb_lineno
                filename = tb.tb_frame.f_code.co_filename
            tb = tb.tb_next
    return f"{filename}:{lineno}" if lineno else str(filename)


def _is_macro(part: str) -> bool:
    """`_macros.jinja` is included by other templates; `__init__.py.jinja` is an output."""
    return part.startswith("_") and not part.startswith("__")
