"""Time and memory of one skin photo's worst cases, and /healthz while one is measured.

Each case runs in a fresh process so its peak memory is its own:

- ``black-png``: the reported file, an all-black 6300 × 6300 PNG of ~116 KB;
- ``gradient-png``: a 40-megapixel colour PNG (7300 × 5479, the most pixels accepted), smooth
  enough to fit the 25 MB upload limit;
- ``noise-jpeg``: 40 megapixels of noise as a JPEG at quality 85 (close to the 25 MB limit);
- ``card-12mp``: the 12-megapixel chart-and-skin photo of ``benches/photo_analysis.py``.

For each: the upload request's step (the header check, no decoding), the worker's preparing
step (decode at the measurement resolution, re-encode the stored copy, preview and thumbnail)
and the worker's measurement of the stored copy with the largest possible region (the whole
frame) and the chart search. Peak memory is the process's peak resident size
minus its size before the case (``VmHWM`` after a reset; Pillow's buffers are outside
``tracemalloc``), with numpy's peak from ``tracemalloc`` beside it.

``--healthz`` starts granian as ``stepdown serve`` does (1 worker, its blocking threads) on an
empty data directory, then runs the ``noise-jpeg`` case in another process, as the background
worker runs measurements, polling ``/healthz`` every 20 ms meanwhile; it prints the slowest
answer before and during.

Run: .venv/bin/python benches/skin_bounds.py [--case NAME] [--repeats N]
Nothing here asserts a budget; the figures go into docs/performance.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import urllib.request
from pathlib import Path

import numpy as np
from PIL import Image

CASES = ("black-png", "gradient-png", "noise-jpeg", "card-12mp")


def _status_mb(field: str) -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1e3
    raise RuntimeError(field)


def _reset_peak() -> None:
    # Linux: writing 5 to clear_refs resets the peak resident size (VmHWM) to the current one,
    # so the peak below is the case's own, not the rendering of its test photo.
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")


def make_case(name: str) -> bytes:
    buffer = io.BytesIO()
    if name == "black-png":
        Image.new("L", (6300, 6300), 0).save(buffer, format="PNG")
    elif name == "gradient-png":
        ramp = np.linspace(60, 200, 7300, dtype=np.float32)
        array = np.empty((5479, 7300, 3), dtype=np.uint8)
        array[:] = ramp.astype(np.uint8)[None, :, None]
        array[..., 1] = (np.arange(5479) % 140 + 60).astype(np.uint8)[:, None]
        Image.fromarray(array).save(buffer, format="PNG", compress_level=6)
    elif name == "noise-jpeg":
        rng = np.random.default_rng(0)
        array = rng.integers(110, 150, (5479, 7300, 3), dtype=np.uint8)
        Image.fromarray(array).save(buffer, format="JPEG", quality=85)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from benches.photo_analysis import render_photo

        return render_photo()[0]
    return buffer.getvalue()


def run_case(name: str, repeats: int) -> dict[str, float | str]:
    from stepdown.core.colour import Rect, analyse_photo
    from stepdown.skin.photos import check_upload, prepare_photo

    data = make_case(name)
    _reset_peak()
    before = _status_mb("VmRSS")
    tracemalloc.start()
    check_times, upload_times, measure_times, worker_cpu = [], [], [], []
    for _ in range(repeats):
        start = time.perf_counter()
        check_upload(data=data)
        check_times.append(time.perf_counter() - start)
        # CPU time beside wall time: on a shared machine the wall time includes waiting for a
        # core, which the CPU time does not.
        cpu = time.process_time()
        start = time.perf_counter()
        prepared = prepare_photo(data=data)
        upload_times.append(time.perf_counter() - start)
        whole = Rect(x=0, y=0, width=prepared.width_px, height=prepared.height_px)
        start = time.perf_counter()
        analysis = analyse_photo(data=prepared.full_jpeg, roi=whole)
        measure_times.append(time.perf_counter() - start)
        worker_cpu.append(time.process_time() - cpu)
    _, numpy_peak = tracemalloc.get_traced_memory()
    return {
        "case": name,
        "file_mb": round(len(data) / 1e6, 2),
        "stored": f"{prepared.width_px}x{prepared.height_px}",
        "pixels_measured": analysis.site.pixels_total,
        "request_check_s": round(statistics.median(check_times), 3),
        "upload_s": round(statistics.median(upload_times), 3),
        "measure_s": round(statistics.median(measure_times), 3),
        "worker_cpu_s": round(statistics.median(worker_cpu), 3),
        "load_average": round(os.getloadavg()[0], 1),
        "peak_mb_over_start": round(_status_mb("VmHWM") - before, 1),
        "traced_peak_mb": round(numpy_peak / 1e6, 1),
    }


def _get_ms(url: str) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  (loopback)
        response.read()
    return (time.perf_counter() - start) * 1000


def probe_healthz() -> None:
    from stepdown.cli.web import BLOCKING_THREADS

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "STEPDOWN_DATA_DIR": tempfile.mkdtemp(), "STEPDOWN_ENV": "local"}
    server = subprocess.Popen(
        [
            sys.executable, "-m", "granian", "--interface", "wsgi", "--host", "127.0.0.1",
            "--port", str(port), "--workers", "1", "--blocking-threads", str(BLOCKING_THREADS),
            "--no-ws",
            "--log-level", "warning", "stepdown.config.wsgi:application",
        ],
        env=env,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/healthz"
    try:
        for _ in range(200):
            try:
                _get_ms(url)
                break
            except OSError:
                time.sleep(0.1)
        idle = [_get_ms(url) for _ in range(50)]
        worker = subprocess.Popen(
            [sys.executable, __file__, "--case", "noise-jpeg", "--repeats", "3"],
            stdout=subprocess.DEVNULL,
        )
        during = []
        while worker.poll() is None:
            during.append(_get_ms(url))
            time.sleep(0.02)
        print(
            json.dumps(
                {
                    "healthz_idle_max_ms": round(max(idle), 1),
                    "healthz_during_measuring_max_ms": round(max(during), 1),
                    "healthz_during_measuring_p99_ms": round(float(np.percentile(during, 99)), 1),
                    "samples": len(during),
                }
            )
        )
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", choices=CASES)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--healthz", action="store_true")
    args = parser.parse_args()
    if args.healthz:
        probe_healthz()
        return
    if args.case:
        print(json.dumps(run_case(args.case, args.repeats)))
        return
    for name in CASES:
        output = subprocess.run(
            [sys.executable, __file__, "--case", name, "--repeats", str(args.repeats)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        print(output.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
