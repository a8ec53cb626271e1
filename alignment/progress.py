"""Progress reporting and cancellation for long work (import, alignment).

Core code calls ``progress.update(done, total, stage)`` as often as it likes and
``cancel.raise_if_cancelled()`` every so many units.  The GUI reads the numbers
on a timer; nothing here knows about threads other than the lock.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol


class Cancelled(Exception):
    """Raised inside long work when the user asked to stop it."""


class Progress(Protocol):
    def update(self, done: int, total: int, stage: str = "") -> None: ...


@dataclass(frozen=True, slots=True)
class ProgressSnapshot:
    done: int
    total: int
    stage: str

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total > 0 else 0.0


class NullProgress:
    """A Progress that ignores every update."""

    def update(self, done: int, total: int, stage: str = "") -> None:
        return None


class ProgressState:
    """Thread-safe store of the latest progress numbers, polled by a reader."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._snapshot = ProgressSnapshot(0, 0, "")

    def update(self, done: int, total: int, stage: str = "") -> None:
        with self._lock:
            self._snapshot = ProgressSnapshot(done, total, stage or self._snapshot.stage)

    def snapshot(self) -> ProgressSnapshot:
        with self._lock:
            return self._snapshot


class ProgressShare:
    """One step of a longer job: its own ``done/total`` fill ``start..stop`` of the whole.

    Steps report on their own scale (a PDF reader counts pages, storing counts
    rows); the job gives each a share, so the bar only moves forward.
    """

    SCALE = 1000

    def __init__(self, outer: Progress, start: float, stop: float) -> None:
        self._outer = outer
        self._start = start
        self._stop = stop

    def update(self, done: int, total: int, stage: str = "") -> None:
        fraction = min(1.0, done / total) if total > 0 else 0.0
        self._outer.update(round((self._start + fraction * (self._stop - self._start)) * self.SCALE), self.SCALE,
                           stage)


class CancelToken:
    """Set by the UI, checked by the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled()


NEVER_CANCELLED = CancelToken()
