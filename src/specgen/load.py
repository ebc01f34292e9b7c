"""Stage 1, load: read YAML and remember where every node came from.

The loaded document is plain Python data plus a table mapping each JSON pointer to its
line and column, so later stages can report findings against the source text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from specgen.findings import Finding, SpecError

try:  # libyaml is ~10x faster at composing; fall back to pure Python where it is missing.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


@dataclass(frozen=True)
class Source:
    """A loaded YAML file: its data, its text's hash, and the position of every node."""

    path: str
    data: Any
    sha256: str
    positions: dict[str, tuple[int, int]] = field(repr=False)
    duplicate_keys: tuple[Finding, ...] = ()

    def position(self, pointer: str) -> tuple[int, int]:
        """Line and column of the node at `pointer`, or of its nearest located ancestor."""
        while pointer not in self.positions and pointer:
            pointer = pointer.rsplit("/", 1)[0]
        return self.positions.get(pointer, (1, 1))

    def finding(self, pointer: str, rule: str, message: str) -> Finding:
        line, col = self.position(pointer)
        return Finding(self.path, line, col, rule, message, pointer or "/")


def escape(token: str) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def load_yaml(path: Path | str, display: str | None = None) -> Source:
    """Load one YAML file; raise SpecError (unreadable) if it cannot be read or parsed."""
    shown = display or str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SpecError(
            [Finding(shown, 1, 1, "LOAD-READ", f"cannot read file: {reason}")], unreadable=True
        ) from None
    try:
        node = yaml.compose(raw.decode("utf-8"), Loader=_Loader)
    except UnicodeDecodeError as exc:
        raise SpecError(
            [Finding(shown, 1, 1, "LOAD-ENCODING", f"not UTF-8: {exc.reason}")], unreadable=True
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        raise SpecError(
            [Finding(shown, line, col, "LOAD-YAML", f"invalid YAML: {problem}")], unreadable=True
        ) from None
    positions: dict[str, tuple[int, int]] = {}
    duplicates: list[Finding] = []
    data = _convert(node, "", positions, duplicates, shown) if node is not None else None
    digest = hashlib.sha256(raw).hexdigest()
    return Source(shown, data, digest, positions, tuple(duplicates))


def _convert(
    node: yaml.Node,
    pointer: str,
    positions: dict[str, tuple[int, int]],
    duplicates: list[Finding],
    shown: str,
) -> Any:
    positions[pointer] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            child = f"{pointer}/{escape(str(key))}"
            if key in result:
                duplicates.append(
                    Finding(
                        shown,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        "LOAD-DUPLICATE-KEY",
                        f"key {key!r} appears twice in one mapping",
                        child,
                    )
                )
            result[key] = _convert(value_node, child, positions, duplicates, shown)
            # A mapping key's own line is the better place to point at than its value's.
            positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _convert(item, f"{pointer}/{i}", positions, duplicates, shown)
            for i, item in enumerate(node.value)
        ]
    return _scalar(node)


_CONSTRUCTOR = yaml.constructor.SafeConstructor()


def _scalar(node: yaml.Node) -> Any:
    """Construct a scalar with the safe loader's own type resolution (ints, bools, null...)."""
    if not isinstance(node, yaml.ScalarNode):  # a mapping or sequence used as a key
        return yaml.safe_load(yaml.serialize(node))
    construct = _CONSTRUCTOR.yaml_constructors.get(node.tag)
    if construct is None:
        return node.value
    return construct(_CONSTRUCTOR, node)
