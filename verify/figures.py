"""What the probes measure: each figure of issue #17, its target and how it is measured."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str
    target: str
    how: str


@dataclass(frozen=True)
class Measured:
    figure: str  # a key of FIGURES
    kind: str  # SQLite or PostgreSQL
    value: str
    met: bool


FIGURES: dict[str, Figure] = {
    "matrix": Figure(
        "Authorization matrix: leaks",
        "0 leaks, 0 wrong answers, 0 server errors",
        "tests/test_route_matrix.py as it runs in CI (every route × method × nine personas, "
        "Django's test client), counted by verify/matrix_plugin.py",
    ),
    "crash": Figure(
        "Crash: kill -9 during write load",
        "integrity and foreign keys clean, 0 acknowledged writes lost, 0 duplicates",
        "granian (1 worker) killed with SIGKILL on its whole process group 20 times while 8 "
        "clients post doses with idempotency keys, each kill 2–4 s after the (re)started "
        "server acknowledged its first write (a failed post is retried with the same key "
        "after the restart); then the database's integrity check, every foreign key of every "
        "model, and every acknowledged (key, id) looked up (verify/crash.py)",
    ),
    "uploads": Figure(
        "Hostile uploads",
        "100 % rejected or sanitised, no metadata stored, /healthz < 100 ms throughout",
        "35 files made by verify/hostile.py (polyglots, SVG with script, pixel floods, a "
        "decompression bomb, tiny and huge files, wrong magic bytes, EXIF/GPS/XMP/ICC/text "
        "fields, HEIC) posted to the photo API of granian (1 worker) while /healthz is asked "
        "every 20 ms; then `stepdown worker --once`; every stored file and a dumpdata of the "
        "database searched for the metadata's marker and for EXIF/XMP/ICC (verify/uploads.py)",
    ),
    "headers": Figure(
        "Headers and cookies, check --deploy",
        "OWASP set, no-store, Secure, HttpOnly, SameSite on every page type; 0 warnings",
        "granian with STEPDOWN_ENV=production behind a pretend TLS proxy (X-Forwarded-Proto): "
        "public form, refused and accepted sign-in, reset request, signed-in pages, 404, admin, "
        "API answers and errors, signed-out redirect; CSP without unsafe-inline and "
        "frame-ancestors 'none', X-Frame-Options, nosniff, Referrer-Policy, COOP, "
        "Permissions-Policy, HSTS ≥ 1 year, no-store, and every cookie's flags; "
        "`django check --deploy` with the same environment (verify/headers.py)",
    ),
    "logs": Figure(
        "Logs of the whole run",
        "no email address, token, reset link or note text",
        "everything the servers, the worker and the set-up steps wrote for one database over "
        "the whole run (log level INFO), searched with the test suite's own pattern "
        "(tests/conftest.py LEAK: emails, reset/sign-up/calendar/invitation links, tokens) and "
        "for the crash probe's note text and the uploads' metadata; mail goes to Django's dummy "
        "backend, not to the console one of local settings, which prints each email whole "
        "(verify/logs.py)",
    ),
    "fuzz": Figure(
        "schemathesis, two people and a clinician",
        "0 server errors, 0 schema violations, 0 ignored_auth, 0 object-level failures",
        "the schemathesis CLI against granian (1 worker): `--checks all`, phases examples, "
        "coverage, fuzzing and stateful, each once (no time budget: under one, schemathesis "
        "repeats fuzzing and stateful until it is spent, so the cases tried would follow the "
        "machine's load), 20 examples per operation, seed 17, the probe failed past 600 s; "
        "identities from a Web Fuzzing Commons document built on the route matrix's world: the "
        "owner and another person (peers, so object_level_authorization runs) and the clinician "
        "the owner's consent names (verify/fuzz.py)",
    ),
    "load": Figure(
        "Load: 20 clients × 60 s, 70 % writes",
        "≥ 300 writes/s, p99 < 250 ms, 0 errors",
        "granian with 2 workers (both databases); 20 keep-alive clients, one person each, 70 % "
        "`POST /api/v1/doses` and 30 % `GET /api/v1/today`, 60 s after a 5 s warm-up; the "
        "client is one asyncio process pinned to core 1 with sched_setaffinity (taskset), the "
        "server unpinned, so the client takes at most one of the two cores (verify/load.py)",
    ),
    "backup": Figure(
        "Backup under load",
        "every write acknowledged before the backup started is in the restored copy",
        "`stepdown backup` while 6 clients post doses to granian (1 worker), then "
        "`stepdown restore` into a new data folder / new database; each dose acknowledged "
        "before the backup began looked up by key and id, integrity and foreign keys checked "
        "(verify/backup.py)",
    ),
}
