"""Authorization matrix probe: tests/test_route_matrix.py on the instance's database kind."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from verify.figures import Measured
from verify.instance import ROOT, Instance

# A wrong answer where someone kept out was let through: the one kind that leaks.
LEAK = re.compile(r"expected (?!ok)\S+, got ok ")


def run(instance: Instance) -> tuple[list[Measured], str]:
    env = dict(instance.env)
    env.pop("STEPDOWN_ENV")  # pytest chooses the test settings itself
    env.pop("STEPDOWN_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "matrix.json"
        env["VERIFY_MATRIX_OUT"] = str(out)
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "verify.matrix_plugin",
             "tests/test_route_matrix.py"],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=900,
        )  # fmt: skip
        parts = {p.suffix: json.loads(p.read_text()) for p in Path(tmp).glob("matrix.json.*")}
    if ".main" not in parts:
        return [Measured("matrix", instance.kind, "did not run", False)], done.stdout[-3000:]
    counts = {
        "sent": sum(p["sent"] for p in parts.values()),
        "wrong": [line for p in parts.values() for line in p["wrong"]],
        "passed": parts[".main"]["passed"],
        "failed": parts[".main"]["failed"],
    }
    leaks = [line for line in counts["wrong"] if LEAK.search(line)]
    errors = [line for line in counts["wrong"] if "got 500" in line]
    met = done.returncode == 0 and not counts["wrong"] and counts["sent"] > 0
    value = (
        f"{len(leaks)} leaks, {len(counts['wrong'])} wrong answers ({len(errors)} server "
        f"errors) over {counts['sent']:,} requests; {counts['passed']} tests passed, "
        f"{counts['failed']} failed"
    )
    detail = f"matrix {instance.kind}: {value}\n" + "\n".join(counts["wrong"][:20])
    if done.returncode != 0:
        detail += "\n" + done.stdout[-3000:]
    return [Measured("matrix", instance.kind, value, met)], detail
