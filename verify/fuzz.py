"""schemathesis probe: the CLI against a running server's OpenAPI schema, every check, every
phase including the stateful one, as the owner, another person and the clinician the owner's
consent names (a Web Fuzzing Commons auth document; the two people are peers that must not see
each other's objects, which turns on the object-level authorization check)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from verify.client import request
from verify.figures import Measured
from verify.instance import Instance
from verify.server import serving

PHASES = "examples,coverage,fuzzing,stateful"
MAX_EXAMPLES = 20
# No --max-time: under a time budget schemathesis 4 repeats its fuzzing and stateful phases until
# the budget is spent, so the number of cases would follow how busy the machine is. Without one,
# every phase runs once over every operation (MAX_EXAMPLES each): bounded in count, the same
# cases on a busy machine as on a quiet one. Bounded in time as well: a run past TIMEOUT_S fails
# the probe.
TIMEOUT_S = 600
SEED = 17
# Failure codes of schemathesis 4 (schemathesis.core.failures, schemathesis.openapi.checks) by the
# kinds the issue names: server errors (ST101-102), responses that break the schema (the other
# ST1xx but a slow answer, ST112: status code, content type, headers, body), ignored_auth (ST401)
# and object-level authorization (ST402). The others (ST2xx input handling, ST3xx stateful
# resource checks, ST112) are reported beside them.
NAMED = {
    "server errors": ("ST101", "ST102"),
    "schema violations": ("ST103", "ST104", "ST105", "ST106", "ST107", "ST108", "ST109", "ST110",
                          "ST111"),
    "ignored_auth": ("ST401",),
    "object-level authorization failures": ("ST402",),
}  # fmt: skip


def _config(tmp: Path, tokens: dict[str, str]) -> Path:
    auth = {
        "auth": [
            {"name": name, "fixedHeaders": [{"name": "Authorization", "value": f"Bearer {token}"}]}
            for name, token in tokens.items()
        ]
    }
    (tmp / "auth.json").write_text(json.dumps(auth))
    config = tmp / "schemathesis.toml"
    config.write_text(f'[auth.wfc]\npath = "{tmp / "auth.json"}"\npeers = ["owner", "other"]\n')
    return config


def _failures(junit: Path) -> tuple[int, Counter[str], int]:
    """(operations tested, failing operations by failure code, schemathesis errors) from the
    JUnit report, whose <failure> elements carry their codes in ``message``."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(junit).getroot()  # noqa: S314  (our own report file)
    cases, codes, errors = 0, Counter[str](), 0
    for case in root.iter("testcase"):
        cases += 1
        for failure in case.iter("failure"):
            for code in (failure.get("message") or "unknown").split(","):
                codes[code.strip()] += 1
        errors += len(list(case.iter("error")))
    return cases, codes, errors


def run(instance: Instance) -> tuple[list[Measured], str]:
    tokens = instance.world()
    with tempfile.TemporaryDirectory() as name, serving(instance, workers=1) as server:
        tmp = Path(name)
        config = _config(tmp, tokens)
        # The first request of a worker loads the API; schemathesis waits only 10 s for the schema.
        status, _, _ = request(server.url, "GET", "/api/v1/openapi.json", timeout=120)
        assert status == 200, status
        done = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
             f"{server.url}/api/v1/openapi.json", "--checks", "all", "--phases", PHASES,
             "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "1",
             "--request-timeout", "20",
             "--report", "junit", "--report-junit-path", str(tmp / "junit.xml"),
             "--no-color"],
            env=instance.env, capture_output=True, text=True, check=False,
            timeout=TIMEOUT_S, cwd=tmp,  # its cache stays out of the checkout
        )  # fmt: skip
        junit = tmp / "junit.xml"
        if not junit.exists():
            return [Measured("fuzz", instance.kind, "did not run", False)], done.stdout[-3000:]
        cases, codes, errors = _failures(junit)
    summary = re.findall(r"^.*(?:test cases|operations|Operations| generated|\(in ).*$",
                         done.stdout, re.M)  # fmt: skip
    generated = re.search(r"(\d+) generated", done.stdout)
    named = {kind: sum(codes[c] for c in group) for kind, group in NAMED.items()}
    known = {c for group in NAMED.values() for c in group}
    others = ", ".join(f"{n} {c}" for c, n in sorted(codes.items()) if c not in known)
    met = not any(named.values()) and cases > 0
    value = (
        f"{', '.join(f'{n} {kind}' for kind, n in named.items())} (failing operations); "
        f"other failing checks: {others or 'none'}; {errors} schemathesis errors; "
        f"{cases} operations, {int(generated.group(1)) if generated else 0:,} test cases"
    )
    detail = f"fuzz {instance.kind}: {value}\n  " + "\n  ".join(summary[-12:])
    if not met:
        detail += "\n" + done.stdout[-4000:]
    return [Measured("fuzz", instance.kind, value, met)], detail
