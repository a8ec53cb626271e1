"""How long marking a screenful of glossary terms costs: the reader's indexed span query vs terms_in_sentences.

Run: python tests/bench/bench_glossary_marks.py LIBRARY.sqlite3
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from db.engine import open_library
from db.models import Sentence
from db.services.glossary import terms_in_sentences
from db.services.reading import _term_spans

SCREEN_SENTENCES = 40


def _median_ms(fn, starts: list[int]) -> tuple[float, float]:
    times = []
    for first in starts:
        started = time.perf_counter()
        fn(first)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times)


def main(path: str) -> None:
    library = open_library(Path(path))
    with library.sessions() as session:
        counts = session.execute(select(Sentence.text_id, func.count()).group_by(Sentence.text_id)).all()
        for text_id, n in counts:
            starts = list(range(0, max(1, n - SCREEN_SENTENCES), max(1, n // 50)))

            def reader(first: int, text_id: int = text_id) -> None:
                ids = dict(session.execute(select(Sentence.id, Sentence.position).where(
                    Sentence.text_id == text_id, Sentence.position >= first,
                    Sentence.position < first + SCREEN_SENTENCES)).all())
                _term_spans(session, ids)

            def service(first: int, text_id: int = text_id) -> None:
                terms_in_sentences(session, text_id, first, first + SCREEN_SENTENCES - 1)

            r = _median_ms(reader, starts)
            s = _median_ms(service, starts)
            print(f"text {text_id} ({n} sentences), {SCREEN_SENTENCES} sentences: reader query median {r[0]:.2f} ms "
                  f"(max {r[1]:.2f}); terms_in_sentences median {s[0]:.2f} ms (max {s[1]:.2f})")


if __name__ == "__main__":
    main(sys.argv[1])
