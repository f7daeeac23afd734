"""The package's layers import one way: commands → extensions → base (``cowork_book/__init__.py``)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cowork_book"


def imported(path):
    """The ``cowork_book`` modules that ``path`` imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cowork_book"):
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names if alias.name.startswith("cowork_book")}
    return names


def layer(path):
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 and parts[0] in ("sphinxext", "commands") else "base"


FORBIDDEN = {"base": ("cowork_book.sphinxext", "cowork_book.commands"), "sphinxext": ("cowork_book.commands",)}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_layers_import_one_way(path):
    forbidden = FORBIDDEN.get(layer(path), ())
    wrong = sorted(name for name in imported(path) if name.startswith(forbidden))
    assert not wrong, f"{path.relative_to(PACKAGE.parent)} ({layer(path)}) must not import {wrong}"


def test_every_extension_in_conf_is_in_the_extensions_layer():
    conf = (PACKAGE.parent / "conf.py").read_text(encoding="utf-8")
    ours = [name for name in ast.literal_eval(conf.split("extensions = ", 1)[1].split("]", 1)[0] + "]")]
    ours = [name for name in ours if name.startswith("cowork_book")]
    assert ours and all(name.startswith("cowork_book.sphinxext.") for name in ours), ours
