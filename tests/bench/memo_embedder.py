"""A sentence model wrapper for benchmarks that run the same texts under several settings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


class MemoEmbedder:
    """The model, remembering each text's vector."""

    def __init__(self, embedder: object) -> None:
        self._embedder = embedder
        self.name = embedder.name  # type: ignore[attr-defined]
        self._memo: dict[str, np.ndarray] = {}

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if missing:
            for t, v in zip(missing, self._embedder.embed(missing), strict=True):  # type: ignore[attr-defined]
                self._memo[t] = v
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memo[t] for t in texts])
