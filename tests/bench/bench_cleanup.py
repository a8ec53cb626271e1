"""Time the import pipeline on every bundled text (not collected by pytest).

Run: /work/venv/bin/python tests/bench/bench_cleanup.py [repeats]
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alignment.text.cleanup import load_document  # noqa: E402

LIBRARY = ROOT / "resources" / "library"


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    manifest = json.loads((LIBRARY / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["texts"]:
        path = LIBRARY / entry["file"]
        if not path.exists():
            print(f"{entry['key']:<45} missing")
            continue
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            document = load_document(path, lang=entry["lang"])
            best = min(best, time.perf_counter() - start)
        kinds = Counter(b.kind for b in document.blocks)
        print(
            f"{entry['key']:<45} {path.stat().st_size / 1e6:6.2f} MB {best:6.3f} s "
            f"{document.source_format:<9} {dict(kinds)}"
        )


if __name__ == "__main__":
    main()
