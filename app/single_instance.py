"""One window per library: a second start hands its file to the first and brings it forward.

Why one instance rather than several windows that watch each other: two
windows on one library each keep their own undo stack and their own picture
of the beads, so an edit in one makes the other's undo wrong; the library
itself stays consistent (SQLite), but the user's work would not.  Zotero keeps
one instance per profile for the same reason.  The command-line tools are not
windows and may run beside the window at any time.

The first window of a library holds a lock file (``QLockFile``: a lock left by
a crashed process is recognised by its dead PID and taken over) and listens on
a local socket named after the library.  A second start finds the lock taken,
sends ``{"open": FILE or null}`` to the socket and exits.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.instance_lock import instance_key, lock_path

log = logging.getLogger(__name__)

CONNECT_MS = 2000
# The first window may still be starting when the second one asks: retry for a while.
SEND_ATTEMPTS = 10


class SingleInstance(QObject):
    """The guard of one library.  ``primary`` tells whether this process owns the library's window."""

    request = Signal(object)  # the payload a later start sent: {"open": path or None}

    def __init__(self, library_path: Path, *, lock_dir: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = instance_key(library_path)
        self._lock = QLockFile(str(lock_path(library_path, lock_dir)))
        self._lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
        self._server: QLocalServer | None = None
        self.primary = self._lock.tryLock(100)
        if self.primary:
            self._listen()

    def _listen(self) -> None:
        QLocalServer.removeServer(self.key)  # a socket left by a crashed first window
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            log.warning("cannot listen for other starts on %s: %s", self.key, server.errorString())
            return
        server.newConnection.connect(self._accept)
        self._server = server

    def _accept(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            # No deleteLater on disconnect: the server (their parent) deletes its few sockets with itself;
            # a socket's deferred delete arriving after the server was gone crashed the process.
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data()).decode("utf-8", errors="replace").strip()
        try:
            payload = json.loads(line)
        except json.JSONDecodeError:
            payload = None
        if isinstance(payload, dict):
            socket.write(b"ok\n")
            socket.flush()
            self.request.emit(payload)

    def send(self, payload: dict[str, object]) -> bool:
        """Hand ``payload`` to the first window; True when it answered."""
        data = (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8")
        for _ in range(SEND_ATTEMPTS):
            socket = QLocalSocket()
            socket.connectToServer(self.key)
            if socket.waitForConnected(CONNECT_MS):
                socket.write(data)
                socket.waitForBytesWritten(CONNECT_MS)
                answered = socket.waitForReadyRead(CONNECT_MS) and bytes(socket.readAll().data()).startswith(b"ok")
                socket.disconnectFromServer()
                if answered:
                    return True
            socket.abort()
            QThread.msleep(200)
        return False

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        if self.primary:
            self._lock.unlock()
            self.primary = False
