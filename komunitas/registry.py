"""Where activity apps plug into the core without the core importing them (DESIGN.md, "data flows one way").

Each activity app registers, in its ``AppConfig.ready()``:
- dashboard panels: ``fn(access) -> Panel | None`` — a template and its context, shown on the program page;
  each panel must cost a fixed number of queries, whatever the data size;
- session pages: ``register_session_page(kind, url_name)`` — the page that shows a session of that kind
  best (``url_name`` takes ``program_id`` and the session's pk); lists link there (``Session.page_url``);
- demo seeders: ``fn(*, program, people, today, rng) -> None`` — called by ``seed_demo`` after the core's
  people and sessions exist, to add the app's own records to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


dashboard_panels: list[Callable] = []
session_pages: dict[str, str] = {}
demo_seeders: list[Callable] = []


def register_dashboard_panel(fn: Callable) -> Callable:
    if fn not in dashboard_panels:
        dashboard_panels.append(fn)
    return fn


def register_session_page(kind: str, url_name: str) -> None:
    session_pages[kind] = url_name


def register_demo_seeder(fn: Callable) -> Callable:
    if fn not in demo_seeders:
        demo_seeders.append(fn)
    return fn


def panels_for(access) -> list[Panel]:
    panels = [panel for fn in dashboard_panels if (panel := fn(access)) is not None]
    return sorted(panels, key=lambda panel: panel.order)
