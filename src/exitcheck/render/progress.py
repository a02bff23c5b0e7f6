"""A progress display for long screens, on stderr and only when stderr is a terminal."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")
EVERY = 256  # rows between updates: the display costs nothing noticeable per row


def wanted(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def tracked(
    items: Iterable[T], stream: Any, what: str = "screening", unit: str = "rows"
) -> Iterator[T]:
    """Yield ``items`` unchanged (an item with a ``rows`` attribute counts as that many);
    while they flow, show a count and rate on ``stream`` if it is a
    terminal (the display is removed when done). Not a terminal: nothing is written."""
    if not wanted(stream):
        yield from items
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = Console(file=stream, force_terminal=True, highlight=False, markup=False)
    columns = (
        SpinnerColumn(),
        TextColumn(_literal(what)),
        TextColumn("{task.completed:,} " + _literal(unit)),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=console, transient=True, refresh_per_second=8) as progress:
        task = progress.add_task(what, total=None, rate="")
        done, shown = 0, 0
        for item in items:
            yield item
            done += getattr(item, "rows", 1)  # an item may stand for several rows (a batch)
            if done - shown >= EVERY:
                shown = done
                elapsed = progress.tasks[0].elapsed or 0.0
                rate = f"{done / elapsed:,.0f}/s" if elapsed > 0 else ""
                progress.update(task, completed=done, rate=rate)
        progress.update(task, completed=done)


def _literal(text: str) -> str:
    """Text for a rich column template: braces are the text's own, not fields."""
    return text.replace("{", "{{").replace("}", "}}")
