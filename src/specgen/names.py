"""The one authority for Python names: every spec name becomes an identifier here, nowhere else.

Conversion is deterministic and total for any name with at least one ASCII letter or digit;
validation reports the names that cannot be converted and the ones that collide.
"""

from __future__ import annotations

import keyword
import re
import unicodedata

# Digits stay with the word they follow (`V1`, `image2`), so `generateContentV1` reads
# `generate_content_v1`, not `generate_content_v_1`.
_WORD = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+")

# Names the generated modules import; a class with one of these names would shadow the import.
RESERVED_CLASS_NAMES = frozenset(
    {
        "Any",
        "Annotated",
        "BaseModel",
        "ConfigDict",
        "Enum",
        "Field",
        "Literal",
        "Optional",
        "RootModel",
        "Union",
        "List",
        "Dict",
        "Protocol",
        "AwareDatetime",
    }
)


def words(name: str) -> list[str]:
    """Split a name into ASCII words: `getHTTPResponse_v2` → [get, HTTP, Response, v2]."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _WORD.findall(folded)


def class_name(name: str) -> str:
    """PascalCase class name; keeps names that already are PascalCase identifiers as they are."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
        result = name
    else:
        result = "".join(w[:1].upper() + w[1:] for w in words(name))
    if result[:1].isdigit():
        result = "Schema" + result
    if result in RESERVED_CLASS_NAMES:
        result += "Model"
    return result


def snake_name(name: str) -> str:
    """snake_case function or module name: `createChatCompletion` → `create_chat_completion`."""
    result = "_".join(w.lower() for w in words(name))
    if result[:1].isdigit():
        result = "op_" + result
    if keyword.iskeyword(result) or keyword.issoftkeyword(result):
        result += "_"
    return result


def is_convertible(name: str) -> bool:
    return bool(words(name))
