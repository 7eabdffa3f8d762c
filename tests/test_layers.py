"""The layers of the package point one way (DESIGN.md, "Which way imports point"): the shared basics
(edukg.core) import nothing of edukg above them; ingest knows no store and no command; graph and viz read
through the store interface; only the command layer (edukg's own modules) brings them together.

Read from the source files' import statements, including the imports inside functions.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import edukg

ROOT = Path(edukg.__file__).resolve().parent.parent
# import package → its folder (pyproject's package-dir)
FOLDERS = {"edukg.core": ROOT / "edukg" / "core", "edukg.ingest": ROOT / "ingest",
           "edukg.graph": ROOT / "graph", "edukg.viz": ROOT / "viz"}
# what each layer may import from edukg
ALLOWED = {
    "edukg.core": ("edukg.core",),
    "edukg.ingest": ("edukg.core", "edukg.ingest"),
    "edukg.graph": ("edukg.core", "edukg.graph"),
    "edukg.viz": ("edukg.core", "edukg.graph", "edukg.viz"),
}


def edukg_imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found |= {n for n in names if n == "edukg" or n.startswith("edukg.")}
    return found


@pytest.mark.parametrize("layer", sorted(FOLDERS))
def test_a_layer_imports_only_the_layers_below_it(layer):
    files = sorted(FOLDERS[layer].rglob("*.py"))
    assert files, f"no Python files under {FOLDERS[layer]}"
    # the package root itself holds only the version, so every layer may read it
    wrong = {f"{p.relative_to(ROOT)}: {m}" for p in files for m in edukg_imports(p)
             if m != "edukg" and not m.startswith(ALLOWED[layer])}
    assert not wrong, "imports against the direction of the layers:\n" + "\n".join(sorted(wrong))


def test_the_package_root_imports_nothing():
    assert not edukg_imports(ROOT / "edukg" / "__init__.py")


def test_the_check_sees_a_wrong_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from edukg.build import build\n", encoding="utf-8")
    assert edukg_imports(bad) == {"edukg.build"}
