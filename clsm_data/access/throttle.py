"""Slowing down failed sign-ins per client, in memory: a growing wait for whoever keeps failing, no lock-out."""

from __future__ import annotations

import threading
import time

WINDOW_SECONDS = 15 * 60  # failures older than this are forgotten
MAX_DELAY = 30.0  # seconds: the longest wait a client gets before its answer
MAX_CLIENTS = 10_000  # memory bound: the oldest clients are forgotten first


class Throttle:
    """Failures per client key (an IP address), with a delay that doubles after each.

    The coordinator signing in from another computer is not slowed by someone else's failures:
    the delay belongs to the client that failed. Thread-safe (Streamlit runs sessions in threads).
    """

    def __init__(self, window: float = WINDOW_SECONDS, max_delay: float = MAX_DELAY) -> None:
        self.window = window
        self.max_delay = max_delay
        self._failures: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def failures(self, client: str, now: float | None = None) -> int:
        """Failures of this client within the window."""
        now = time.time() if now is None else now
        with self._lock:
            recent = [t for t in self._failures.get(client, []) if now - t < self.window]
            if recent:
                self._failures[client] = recent
            else:
                self._failures.pop(client, None)
            return len(recent)

    def delay(self, client: str, now: float | None = None) -> float:
        """Seconds to wait before answering this client: 0 at first, then 0.5, 1, 2, … up to max_delay."""
        n = self.failures(client, now)
        return 0.0 if n == 0 else min(self.max_delay, 0.5 * 2 ** (n - 1))

    def fail(self, client: str, now: float | None = None) -> None:
        """Record one failure of this client."""
        now = time.time() if now is None else now
        with self._lock:
            if client not in self._failures and len(self._failures) >= MAX_CLIENTS:
                self._failures.pop(next(iter(self._failures)))
            self._failures.setdefault(client, []).append(now)

    def succeed(self, client: str) -> None:
        """A right password from this client: its failures are forgotten."""
        with self._lock:
            self._failures.pop(client, None)
