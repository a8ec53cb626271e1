"""How sure the encoding guess is: Russian files in 8-bit tables versus other languages' 8-bit files.

Positives: the Russian side of every case of the development set
(`../shared/bench/ruen-dev`, news, social media and e-commerce; not the texts
the letter-pair table is built from), encoded in each Cyrillic table, whole
and cut to one line.  Negatives: tests/data/encoding/foreign_8bit.json
(Greek, Hebrew, Arabic, Turkish, Polish, Czech, Hungarian, Lithuanian, Thai,
German, French) in their own code pages.  Prints, per threshold, how many
Russian files would be asked about and how many foreign files would pass as
Russian.  Usage: python tests/bench/bench_encoding.py [RUEN-DEV-DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from alignment.text.decode import CYRILLIC_ENCODINGS, best_cyrillic_decoding, decode_bytes  # noqa: E402
from alignment.text.errors import UncertainEncodingError  # noqa: E402
from alignment.text.letter_pairs import pair_score  # noqa: E402


def main() -> None:
    dev = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "bench" / "ruen-dev"
    positives: list[float] = []
    short: list[float] = []
    asked = wrong = total = 0
    for case in sorted(dev.iterdir()):
        src = case / "src.txt"
        if not src.exists():
            continue
        text = src.read_text(encoding="utf-8")
        for enc in CYRILLIC_ENCODINGS:
            try:
                data = text.encode(enc)
            except UnicodeEncodeError:
                continue
            best = best_cyrillic_decoding(data)
            positives.append(pair_score(best[0]) if best else float("-inf"))
            total += 1
            try:
                wrong += decode_bytes(data).text != text.replace("\r\n", "\n").strip("\ufeff") and best is not None and best[0] != text
            except UncertainEncodingError:
                asked += 1
            first = text.splitlines()[0].encode(enc, errors="ignore")
            best = best_cyrillic_decoding(first)
            short.append(pair_score(best[0]) if best else float("-inf"))
    negatives: list[tuple[str, float]] = []
    taken_as_russian = foreign_asked = 0
    for sample in json.loads((REPO / "tests/data/encoding/foreign_8bit.json").read_text(encoding="utf-8"))["samples"]:
        data = sample["text"].encode(sample["encoding"])
        best = best_cyrillic_decoding(data)
        negatives.append((sample["lang"], pair_score(best[0]) if best else float("-inf")))
        try:
            taken_as_russian += decode_bytes(data).encoding in {"cp1251", "koi8-r", "cp866", "mac-cyrillic", "iso-8859-5"}
        except UncertainEncodingError:
            foreign_asked += 1
    print(f"Russian files: {len(positives)} whole, {len(short)} one line; foreign files: {len(negatives)}")
    print(f"decode_bytes: Russian files asked about {asked} of {total}, read wrongly {wrong}; "
          f"foreign files asked about {foreign_asked}, taken for Russian {taken_as_russian} of {len(negatives)}")
    print(f"lowest Russian score: whole {min(positives):.2f}, one line {min(short):.2f}")
    print("highest foreign scores: " + ", ".join(f"{lang} {s:.2f}" for lang, s in sorted(negatives, key=lambda x: -x[1])[:5]))
    print("threshold  Russian asked (whole / one line)  foreign taken for Russian")
    for threshold in (-7.4, -7.2, -7.0, -6.8, -6.6, -6.4):
        asked = sum(s < threshold for s in positives)
        asked_short = sum(s < threshold for s in short)
        passed = sum(s >= threshold for _, s in negatives)
        print(f"{threshold:9.1f}  {asked:5d} / {asked_short:5d}  {passed:5d}")


if __name__ == "__main__":
    main()
