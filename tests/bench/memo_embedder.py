"""A sentence model wrapper for benchmarks that run the same texts under several settings."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from pathlib import Path

import numpy as np


class MemoEmbedder:
    """The model, remembering each text's vector.

    With ``store`` (a SQLite file) the vectors also outlive the run: the model
    embeds a few dozen sentences a second on a shared two-core machine, and the
    benchmarks embed thousands of texts that do not change from run to run.
    """

    def __init__(self, embedder: object, store: Path | None = None) -> None:
        self._embedder = embedder
        self.name = embedder.name  # type: ignore[attr-defined]
        self._memo: dict[str, np.ndarray] = {}
        self._db: sqlite3.Connection | None = None
        if store is not None:
            store.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(store)
            self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, vector BLOB)")
        self.computed = 0  # texts the model actually embedded in this run

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.name}\x00{text}".encode()).hexdigest()

    def _load(self, texts: list[str]) -> None:
        if self._db is None:
            return
        for start in range(0, len(texts), 500):
            chunk = texts[start:start + 500]
            keys = {self._key(t): t for t in chunk}
            marks = ",".join("?" * len(keys))
            for key, blob in self._db.execute(f"SELECT key, vector FROM vectors WHERE key IN ({marks})",
                                              list(keys)):
                self._memo[keys[key]] = np.frombuffer(blob, dtype=np.float32)

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            self._load(missing)
            missing = [t for t in missing if t not in self._memo]
        for start in range(0, len(missing), 64):
            chunk = missing[start:start + 64]
            vectors = self._embedder.embed(chunk)  # type: ignore[attr-defined]
            self.computed += len(chunk)
            for t, v in zip(chunk, vectors, strict=True):
                self._memo[t] = np.asarray(v, dtype=np.float32)
            if self._db is not None:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                     [(self._key(t), self._memo[t].tobytes()) for t in chunk])
                self._db.commit()
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])

    def save(self) -> None:
        """Nothing to do: with a store, every vector is written as it is computed."""
