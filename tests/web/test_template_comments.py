"""A ``{# … #}`` comment ends on its own line in Django; one that runs over several lines is
shown to the person as text (regression: the proposal card's comment appeared on Today)."""

from __future__ import annotations

import re
from pathlib import Path

import stepdown

MULTILINE_COMMENT = re.compile(r"\{#(?:(?!#\}).)*\n")


def test_no_template_comment_runs_over_several_lines() -> None:
    root = Path(stepdown.__file__).parent
    templates = [path for path in root.rglob("*.html") if "templates" in path.parts]
    assert len(templates) > 50
    broken = [
        str(path.relative_to(root))
        for path in templates
        if MULTILINE_COMMENT.search(path.read_text(encoding="utf-8"))
    ]
    assert broken == []
