"""Progress for long commands: one line rewritten in place on a terminal; elsewhere
(logs, CI) a line per tenth of the work, and only for work of 100 items or more."""

from __future__ import annotations

from django.core.management.base import OutputWrapper


class ProgressLine:
    def __init__(self, stdout: OutputWrapper, enabled: bool = True) -> None:
        self.stdout = stdout
        self.enabled = enabled
        self.interactive = stdout.isatty()
        self._last: tuple[str, int] = ("", -1)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        if self.interactive:
            end = "\n" if done == total else ""
            self.stdout.write(f"\r{stage}: {done}/{total}", ending=end)
            self.stdout.flush()
            return
        if total < 100:
            return
        tenth = done * 10 // total
        if (stage, tenth) != self._last and (done == total or tenth != self._last[1]):
            self._last = (stage, tenth)
            self.stdout.write(f"{stage}: {done}/{total}")
