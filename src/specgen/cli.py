"""The command line: a thin layer over the pipeline stages."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from specgen.findings import SpecError
from specgen.format import FormatError
from specgen.render import RenderError
from specgen.spec import DEFAULT_SPEC, load_checked_spec, summarize
from specgen.write import Plan

DEFAULT_OUT = Path("generated")

spec_argument = click.option(
    "--spec",
    "spec_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_SPEC,
    show_default=True,
    help="The root spec file.",
)
out_option = click.option(
    "--out",
    "out_root",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Output directory.",
)
templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A template directory searched before the built-in one "
    "(override single templates without forking).",
)


def reports_failures(command: Callable[..., None]) -> Callable[..., None]:
    """Turn pipeline failures into findings on stdout and exit codes: 2 unreadable, 1 otherwise."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except SpecError as exc:
            for finding in exc.findings:
                click.echo(str(finding))
            click.echo(f"{len(exc.findings)} finding(s); nothing was written", err=True)
            sys.exit(2 if exc.unreadable else 1)
        except (RenderError, FormatError) as exc:
            click.echo(f"error: {exc}", err=True)
            click.echo("nothing was written", err=True)
            sys.exit(1)

    return wrapper


@click.group()
@click.version_option(package_name="specgen")
def main() -> None:
    """specgen: generate models, server stubs and translators from the canonical spec."""


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_SPEC)
@reports_failures
def validate(path: Path) -> None:
    """Validate the spec at PATH; print every finding as FILE:LINE:COL: RULE: message."""
    click.echo(summarize(load_checked_spec(path)))


@main.command()
@spec_argument
@out_option
@templates_option
@click.option("--check", is_flag=True, help="Write nothing; exit 1 with a diff if output is stale.")
@click.option("--force", is_flag=True, help="Overwrite generated files that were edited by hand.")
@reports_failures
def generate(
    spec_path: Path, out_root: Path, template_dirs: tuple[Path, ...], check: bool, force: bool
) -> None:
    """Generate every package into OUT (default generated/)."""
    from specgen.pipeline import run
    from specgen.write import apply, unified_diff

    result = run(spec_path, out_root, template_dirs)
    the_plan = result.plan
    if check:
        if the_plan.written or the_plan.removed:
            click.echo(unified_diff(out_root, result.outputs, the_plan), nl=False)
            click.echo(
                f"{out_root}/ is stale: {len(the_plan.written)} file(s) differ, "
                f"{len(the_plan.removed)} would be removed; run `make generate`",
                err=True,
            )
            sys.exit(1)
        click.echo(f"{out_root}/ is up to date ({len(the_plan.unchanged)} files)")
        return
    if the_plan.hand_edited and not force:
        click.echo("refusing to overwrite generated files edited by hand (use --force):", err=True)
        for rel in the_plan.hand_edited:
            click.echo(f"  {out_root / rel}", err=True)
        sys.exit(1)
    if the_plan.written or the_plan.removed or not result.reused:
        apply(out_root, result.outputs, the_plan, result.manifest)
    _report_changes(out_root, the_plan)
    packages = sorted({rel.split("/", 1)[0] for rel in result.outputs})
    click.echo(
        f"specgen: {len(the_plan.written)} written, {len(the_plan.unchanged)} unchanged, "
        f"{len(the_plan.removed)} removed in {result.seconds:.2f}s "
        f"({'inputs unchanged' if result.reused else 'regenerated'}; "
        f"packages: {', '.join(packages)})"
    )


LISTED_CHANGES = 20  # more changed files than this are summed up per package: one screen


def _report_changes(out_root: Path, the_plan: Plan) -> None:
    changes = [("wrote", rel) for rel in the_plan.written]
    changes += [("removed", rel) for rel in the_plan.removed]
    if len(changes) <= LISTED_CHANGES:
        for verb, rel in changes:
            click.echo(f"  {verb:7s} {out_root / rel}")
        return
    per_package: dict[tuple[str, str], int] = {}
    for verb, rel in changes:
        key = (verb, rel.split("/", 1)[0])
        per_package[key] = per_package.get(key, 0) + 1
    for (verb, package), count in sorted(per_package.items()):
        click.echo(f"  {verb:7s} {count:3d} files in {out_root / package}/")


@main.command()
@spec_argument
@out_option
@templates_option
@reports_failures
def diff(spec_path: Path, out_root: Path, template_dirs: tuple[Path, ...]) -> None:
    """Show what `specgen generate` would change, as a unified diff."""
    from specgen.pipeline import run
    from specgen.write import unified_diff

    result = run(spec_path, out_root, template_dirs)
    click.echo(unified_diff(out_root, result.outputs, result.plan), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
