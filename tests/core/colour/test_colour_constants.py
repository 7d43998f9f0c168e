"""Every numeric constant in the colour core says where it comes from: a cited source, the
colorimetry notes, a standard, or the word "assumption" (the clipping level once had none)."""

import ast
import re
from pathlib import Path

SOURCE_DIR = Path(__file__).resolve().parents[3] / "src" / "stepdown" / "core" / "colour"
LABEL = re.compile(r"assumption|colorimetry notes|\[[A-Z][A-Za-z0-9_]*\d", re.IGNORECASE)
# Facts of a layout or a unit, not measured or chosen numbers.
DEFINITIONS = {
    "ROWS",
    "COLUMNS",
    "WHITE_PATCH",
    "DAYS_PER_YEAR",
    "DECIMALS",
    "BOOTSTRAP_SEED",
    "_EXIF_ORIENTATION_TAG",
}


def _numeric(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.UnaryOp):
        return _numeric(node.operand)
    if isinstance(node, ast.BinOp):
        return _numeric(node.left) and _numeric(node.right)
    return False


def _unlabelled(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    missing = []
    for node in ast.parse(text).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0]
        if not isinstance(target, ast.Name) or not target.id.lstrip("_").isupper():
            continue
        if target.id in DEFINITIONS or not _numeric(node.value):
            continue
        # The paragraph the constant sits in (a comment can cover a few constants at once).
        comment = [lines[node.lineno - 1]]
        row = node.lineno - 2
        while row >= 0 and lines[row].strip() and not lines[row].startswith(("def ", "class ")):
            comment.append(lines[row])
            row -= 1
        if not LABEL.search(" ".join(comment)):
            missing.append(f"{path.name}:{node.lineno} {target.id}")
    return missing


def test_the_clipping_level_has_a_source():
    assert _unlabelled(SOURCE_DIR / "calibration.py") == []


def test_every_numeric_constant_in_the_colour_core_is_sourced_or_an_assumption():
    missing = [entry for path in sorted(SOURCE_DIR.glob("*.py")) for entry in _unlabelled(path)]
    assert missing == []
