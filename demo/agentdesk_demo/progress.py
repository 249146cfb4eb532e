"""A plain text progress bar for the seeding commands (``agentdesk seed``, ``agentdesk demo``)."""

from __future__ import annotations

import sys
import time


class ProgressBar:
    """A plain text progress bar on stderr: ``[#####.....]  52% 520,000/1,000,000 31,000/s``."""

    def __init__(self, stream=sys.stderr, width: int = 30) -> None:
        self.stream, self.width, self.start, self._last = stream, width, time.monotonic(), 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last < 0.2:
            return
        self._last = now
        frac = done / total if total else 1.0
        filled = int(frac * self.width)
        rate = done / max(now - self.start, 1e-9)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r[{bar}] {frac:4.0%} {done:,}/{total:,} {rate:,.0f}/s")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
