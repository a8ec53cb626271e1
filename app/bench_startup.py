"""Start-up benchmarks for ``python -m app.bench``: each run is a fresh ``sverka`` process.

``startup_s``      launch → the last text read painted (Rogovin's book, the largest bundled text)
``first_start_s``  launch with no library yet → the bundled library listed and ready
``python_s``       launch → exit of ``python -c pass``: the floor no start-up can beat

The child is ``python -m app.cli --db … gui`` run from this checkout, offscreen,
with its settings and caches in a temporary folder; the window writes the
moment it is ready (``app.startup_probe``) and quits.  Medians of ``runs``,
after one launch that is not counted.  Compiled bytecode is kept (in a folder of
its own, ``PYTHONPYCACHEPREFIX``) as on a user's machine, even where the
environment says ``PYTHONDONTWRITEBYTECODE``.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.startup_probe import PROBE_ENV_VAR

REPO_ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 120
PYCACHE = Path(tempfile.gettempdir()) / "sverka-bench-pycache"


def _python_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def _env(home: Path, probe: Path) -> dict[str, str]:
    env = _python_env()
    env.update({
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "SVERKA_CACHE_DIR": str(home / "cache"),
        PROBE_ENV_VAR: str(probe),
        "PYTHONPATH": str(REPO_ROOT) + os.pathsep + env.get("PYTHONPATH", ""),
    })
    env.pop("SVERKA_DB", None)
    return env


def write_last_text(home: Path, text_id: int) -> None:
    """Settings as a user who last read ``text_id`` has them (QSettings' INI file on Linux)."""
    folder = home / "config" / "Sverka"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Sverka.conf").write_text(f"[reader]\nlast_text={text_id}\n", encoding="utf-8")


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def launch_until_ready(db: Path, home: Path) -> tuple[float, dict]:
    """Seconds from launching ``sverka`` to its window being ready, and what the probe saw
    (with ``cpu_s``: processor time of the whole run, steadier than the clock on a busy machine)."""
    probe = home / "probe.json"
    probe.unlink(missing_ok=True)
    cpu = _cpu()
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(db), "gui"],
        cwd=REPO_ROOT, env=_env(home, probe), capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    if not probe.exists():
        raise RuntimeError(f"sverka exited ({done.returncode}) before it was ready:\n{done.stderr[-2000:]}")
    record = json.loads(probe.read_text(encoding="utf-8"))
    record["cpu_s"] = _cpu() - cpu
    return record["t"] - started, record


def python_floor(runs: int) -> list[float]:
    out = []
    for _ in range(runs + 1):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True, env=_python_env())
        out.append(time.perf_counter() - started)
    return out[1:]


def startup_times(library: Path, text_id: int, runs: int) -> tuple[list[float], list[float]]:
    """Warm start: the library exists, the user last read ``text_id``.  (Clock and processor seconds.)"""
    out, cpu = [], []
    with tempfile.TemporaryDirectory(prefix="sverka-start-") as tmp:
        home = Path(tmp)
        for _ in range(runs + 1):
            write_last_text(home, text_id)
            seconds, record = launch_until_ready(library, home)
            if record["reached"] != "text":
                raise RuntimeError(f"the last text was not reopened: {record}")
            out.append(seconds)
            cpu.append(record["cpu_s"])
    return out[1:], cpu[1:]


def first_start_times(runs: int) -> tuple[list[float], list[float], int]:
    """Very first start: no library file and no settings yet.  (Clock and processor seconds, texts listed.)"""
    out, cpu, texts = [], [], 0
    for _ in range(runs + 1):
        home = Path(tempfile.mkdtemp(prefix="sverka-first-"))
        try:
            seconds, record = launch_until_ready(home / "data" / "library.sqlite3", home)
            out.append(seconds)
            cpu.append(record["cpu_s"])
            texts = record["texts"]
        finally:
            shutil.rmtree(home, ignore_errors=True)
    return out[1:], cpu[1:], texts


def report(library: Path, text_id: int, runs: int) -> None:
    floor = python_floor(runs)
    warm, warm_cpu = startup_times(library, text_id, runs)
    first, first_cpu, texts = first_start_times(runs)
    med = statistics.median
    print(f"startup_s={med(warm):.3f}")
    print(f"first_start_s={med(first):.3f}")
    print(f"python_s={med(floor):.3f}")
    print(f"# processor time of a whole run (median): startup {med(warm_cpu):.2f} s, "
          f"first start {med(first_cpu):.2f} s", file=sys.stderr)
    print(f"# {runs} runs each; startup {', '.join(f'{s:.2f}' for s in warm)}; first start "
          f"{', '.join(f'{s:.2f}' for s in first)} ({texts} texts listed); python -c pass "
          f"{', '.join(f'{s:.3f}' for s in floor)}; load average {os.getloadavg()[0]:.1f}", file=sys.stderr)
