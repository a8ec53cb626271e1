"""A sentence model wrapper for benchmarks that run the same texts under several settings."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np


class MemoEmbedder:
    """The model, remembering each text's vector.

    With ``folder``, the vectors are also kept on disk between runs (``save()``),
    named by the model: a benchmark that reads thousands of sentences then
    costs minutes once, not every time.
    """

    def __init__(self, embedder: object, folder: Path | None = None) -> None:
        self._embedder = embedder
        self.name = embedder.name  # type: ignore[attr-defined]
        self._memo: dict[str, np.ndarray] = {}
        self.computed = 0  # texts the model itself had to read
        self._path = None
        if folder is not None:
            self._path = folder / hashlib.sha1(self.name.encode("utf-8")).hexdigest()[:16]
            try:
                texts = json.loads(self._path.with_suffix(".json").read_text(encoding="utf-8"))
                vectors = np.load(self._path.with_suffix(".npy"), allow_pickle=False)
            except (OSError, ValueError):
                texts, vectors = [], None
            if vectors is not None and len(vectors) == len(texts):
                self._memo = {t: v.astype(np.float32) for t, v in zip(texts, vectors)}
        self._saved = len(self._memo)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self.computed += len(missing)
            for t, v in zip(missing, self._embedder.embed(missing), strict=True):  # type: ignore[attr-defined]
                self._memo[t] = v
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])

    def save(self) -> None:
        """Write the vectors to the folder given (if any and if anything is new)."""
        if self._path is None or len(self._memo) == self._saved:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        texts = list(self._memo)
        np.save(self._path.with_suffix(".npy"), np.stack([self._memo[t] for t in texts]), allow_pickle=False)
        self._path.with_suffix(".json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        self._saved = len(texts)
