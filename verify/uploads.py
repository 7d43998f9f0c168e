"""Hostile-upload probe: every file of the corpus (verify/hostile.py) sent to the photo API of a
running server while /healthz is asked every 20 ms; then the worker prepares what was accepted,
and every stored file and the whole database (dumpdata) are searched for metadata."""

from __future__ import annotations

import http.client
import io
import subprocess
import sys
import threading
import time
import uuid
from typing import Any

from verify.client import request
from verify.figures import Measured
from verify.hostile import CORPUS, MARK
from verify.instance import Instance
from verify.server import serving

HEALTHZ_BUDGET_MS = 100
POLL_S = 0.02
SITE = "http://127.0.0.1:8000"
DUMP = """
import io
from django.core.management import call_command
from stepdown.cli.django_setup import setup_django
setup_django()
out = io.StringIO()
call_command("dumpdata", stdout=out)
print(out.getvalue())
"""


class Poller(threading.Thread):
    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url = url
        self.times: list[float] = []
        self.failures = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            began = time.perf_counter()
            try:
                status, _, _ = request(self.url, "GET", "/healthz", timeout=5)
                ok = status == 200
            except (OSError, http.client.HTTPException):
                ok = False
            self.times.append((time.perf_counter() - began) * 1000)
            self.failures += not ok
            time.sleep(POLL_S)


def _multipart(filename: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="site"\r\n\r\nexposed\r\n'
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n"
    ).encode()
    return head + data + f"\r\n--{boundary}--\r\n".encode(), boundary


def _upload(url: str, token: str, filename: str, data: bytes) -> tuple[int, Any]:
    status, session, _ = request(url, "POST", "/api/v1/skin/sessions", token=token,
                                 body={"exposed_site": "back_of_hand"})  # fmt: skip
    assert status == 201, (status, session)
    body, boundary = _multipart(filename, data)
    status, answer, _ = request(
        url, "POST", f"/api/v1/skin/sessions/{session['id']}/photos", token=token,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
        raw=body, timeout=60,
    )  # fmt: skip
    return status, answer


def _metadata_in(data: bytes) -> list[str]:
    """What a file carries: the mark anywhere, or EXIF/XMP/ICC/text fields."""
    from PIL import Image

    found = []
    if MARK in data:
        found.append("mark")
    try:
        image = Image.open(io.BytesIO(data))
    except Exception:  # not an image (there should be none): the byte search above is the check
        return found
    if dict(image.getexif()):
        found.append("EXIF")
    found += [key for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment",
                              "Comment") if key in image.info]  # fmt: skip
    return found


def run(instance: Instance) -> tuple[list[Measured], str]:
    token = instance.people("uploads", 1)[0]["token"]
    outcomes: dict[str, str] = {}
    with serving(instance) as server:
        idle = Poller(server.url)
        idle.start()
        time.sleep(1)
        idle.stop.set()
        idle.join()
        poller = Poller(server.url)
        poller.start()
        for name, (filename, make) in CORPUS.items():
            status, answer = _upload(server.url, token, filename, make())
            if status == 201:
                outcomes[name] = "accepted"
            elif status == 422 and answer["detail"][0]["loc"] == ["body", "file"]:
                outcomes[name] = "refused"
            else:
                outcomes[name] = f"answered {status}"
        poller.stop.set()
        poller.join()
    with instance.log.open("ab") as log:  # the worker's output is part of the run's log
        subprocess.run(
            [sys.executable, "-m", "stepdown", "worker", "--once", "--site-url", SITE],
            env=instance.env, check=True, stdout=log, stderr=subprocess.STDOUT, timeout=300,
        )  # fmt: skip
    media = instance.data_dir / "media"
    stored = [p for p in media.rglob("*") if p.is_file()]
    leftovers = [p.name for p in stored if p.suffix == ".upload"]
    carrying = {p.name: m for p in stored if (m := _metadata_in(p.read_bytes()))}
    images = sum(p.suffix in (".jpg", ".jpeg", ".png", ".webp") for p in stored)
    # The search must be able to fail: it finds the metadata in the files as they were sent.
    sent_with = sum(bool(_metadata_in(CORPUS[k][1]())) for k, v in outcomes.items()
                    if v == "accepted")  # fmt: skip
    dump = instance.python(DUMP)
    in_database = MARK.decode() in dump
    wrong = {k: v for k, v in outcomes.items() if v not in ("accepted", "refused")}
    slowest = max(poller.times)
    accepted = sum(v == "accepted" for v in outcomes.values())
    met = (
        not wrong and not carrying and not leftovers and not in_database
        and slowest < HEALTHZ_BUDGET_MS and poller.failures == 0 and len(CORPUS) >= 30
        and images >= 3 * accepted and sent_with >= accepted - 1
    )  # fmt: skip
    value = (
        f"{len(CORPUS) - len(wrong)} of {len(CORPUS)} files refused or sanitised "
        f"({accepted} accepted and re-encoded, {sent_with} of them sent with metadata); "
        f"stored files with metadata: {len(carrying)} of {images}; "
        f"metadata in the database: {'yes' if in_database else 'none'}; /healthz slowest "
        f"{slowest:.1f} ms over {len(poller.times)} answers (idle {max(idle.times):.1f} ms)"
    )
    detail = (
        f"uploads {instance.kind}: {value}\n  outcomes {outcomes}\n  wrong {wrong}\n"
        f"  carrying {carrying}\n  raw uploads left {leftovers}"
    )
    return [Measured("uploads", instance.kind, value, met)], detail
