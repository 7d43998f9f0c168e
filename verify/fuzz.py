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
from typing import Any

from verify.client import request
from verify.figures import Measured
from verify.instance import Instance
from verify.server import serving

PHASES = "examples,coverage,fuzzing,stateful"
MAX_EXAMPLES = 20
MAX_TIME_S = 120
SEED = 17
# The four kinds the issue names; every other failing check is reported too.
NAMED = ("not_a_server_error", "response_schema_conformance", "ignored_auth",
         "object_level_authorization")  # fmt: skip


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


def _failures(junit: Path) -> tuple[int, Counter[str]]:
    """(test cases run, failures by check name) from the JUnit report."""
    import xml.etree.ElementTree as ElementTree

    root = ElementTree.parse(junit).getroot()  # noqa: S314  (our own report file)
    cases, found = 0, Counter[str]()
    for case in root.iter("testcase"):
        cases += 1
        for failure in [*case.iter("failure"), *case.iter("error")]:
            text = (failure.get("message") or "") + (failure.text or "")
            names = set(re.findall(r"\b([a-z]+(?:_[a-z]+)+)\b", text)) & set(CHECK_NAMES)
            for name in names or {"error"}:
                found[name] += 1
    return cases, found


CHECK_NAMES = (
    "not_a_server_error", "status_code_conformance", "content_type_conformance",
    "response_headers_conformance", "response_schema_conformance", "negative_data_rejection",
    "positive_data_acceptance", "missing_required_header", "unsupported_method",
    "allow_header_conformance", "use_after_free", "ensure_resource_availability",
    "ignored_auth", "object_level_authorization",
)  # fmt: skip


def run(instance: Instance) -> tuple[list[Measured], str]:
    tokens: Any = instance.module("verify.fuzz_world")
    with tempfile.TemporaryDirectory() as name, serving(instance, workers=1) as server:
        tmp = Path(name)
        config = _config(tmp, tokens)
        # The first request of a worker loads the API; schemathesis waits only 10 s for the schema.
        status, _, _ = request(server.url, "GET", "/api/v1/openapi.json", timeout=120)
        assert status == 200, status
        done = subprocess.run(
            [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run",
             f"{server.url}/api/v1/openapi.json", "--checks", "all", "--phases", PHASES,
             "--max-examples", str(MAX_EXAMPLES), "--max-time", str(MAX_TIME_S),
             "--seed", str(SEED), "--workers", "1", "--request-timeout", "20",
             "--report", "junit", "--report-junit-path", str(tmp / "junit.xml"),
             "--no-color"],
            env=instance.env, capture_output=True, text=True, check=False,
            timeout=MAX_TIME_S + 300,
        )  # fmt: skip
        junit = tmp / "junit.xml"
        if not junit.exists():
            return [Measured("fuzz", instance.kind, "did not run", False)], done.stdout[-3000:]
        cases, found = _failures(junit)
    summary = re.findall(r"^.*(?:test cases|operations|Test cases|Operations).*$", done.stdout,
                         re.M)  # fmt: skip
    named = {name: found.get(name, 0) for name in NAMED}
    others = {k: v for k, v in found.items() if k not in NAMED}
    met = not any(named.values()) and cases > 0
    value = (
        f"{', '.join(f'{v} {k}' for k, v in named.items())}; other failing checks: "
        f"{', '.join(f'{v} {k}' for k, v in others.items()) or 'none'} ({cases} operations)"
    )
    detail = f"fuzz {instance.kind}: {value}\n  " + "\n  ".join(summary[-6:])
    if not met:
        detail += "\n" + done.stdout[-4000:]
    return [Measured("fuzz", instance.kind, value, met)], detail
