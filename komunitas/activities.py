"""The plug-in contract: how an app adds an activity (or a section such as the evaluation) to every program
without the core importing it (docs/architecture.md: data flows one way).

An app plugs in with one module, ``<app>/activity.py``, that calls ``register(Activity(...))``. The core imports
every installed app's ``activity`` module when Django starts (``KomunitasConfig.ready``), so adding an app is a
folder and a line in ``INSTALLED_APPS``. What an app declares, and who reads it:

- ``session_types`` — the kinds of ``Session`` it owns, who the attendance list of such a session shows, and
  the page that shows one best. Read by ``Session.kind``'s choices, the schedule, attendance and every list.
- ``label``, ``path``, ``urls`` — its entry in the program navigation and its URLs below ``/programs/<id>/``.
- ``dashboard_panels`` — ``fn(access) -> Panel | None``, each at a fixed number of queries.
- ``attention`` — ``fn(access) -> [Attention]``: what needs doing now (a missing baseline questionnaire), listed
  under "Needs attention" on the dashboard. Panels and attention are cached per program, language and role
  until the school's data changes (``komunitas/dashboard.py``): neither may show anything about the viewer
  beyond their role, nor a form (no CSRF token in a shared cache).
- ``indicators`` — weekly figures tied to a Table 1 aspect, read by the evaluation and the report.
- ``demo_seeders`` — ``fn(*, program, people, today, rng)``, called by ``seed_demo`` in declared order.
- ``on_program_created`` — ``fn(program)``, called when a program is created (e.g. a default list to start from).
- ``permission_rows`` — its rows of the permission table, which the core's URL-walking test reads.
- ``bench_pages`` — pages ``manage.py bench`` times besides its index and session pages.
- ``person_data`` — ``fn(person) -> {model label: [rows]}``: everything it stores about a person, for the
  person's data page and its JSON (UU PDP: the right to see and take one's data). A test fails when a model
  pointing at ``Person`` has rows for someone and no activity reports them.
- ``public_urls`` — URLs at the site's root for people without an account (a questionnaire link, a check-in);
  the app guards them itself (an expiring token, a rate limit).
- ``export_sheets`` — ``fn(access) -> [Sheet]``: its tables in ``/programs/<id>/export.xlsx`` (and a CSV each);
  a sheet with students' or parents' personal data says so and goes to the school's staff only.
- ``session_actions`` — ``fn(access, session) -> SessionAction | None``: a button on every session page (the
  evaluation's "Record an observation"), at no query.
- ``erase_person`` — ``fn(person, by)``: remove or anonymise that, keeping counts (a count stays a count). Called
  by ``komunitas.privacy.erase`` in reverse order, so the apps go before the core they build on.
- ``report_sections`` — ``fn(access) -> ReportSection | None``: its pieces of the final report
  (``/programs/<id>/report.pdf``): a template and its context, in one part of the report (``ReportPart``: the
  introduction, the method, the results, the appendix), at a fixed number of queries, with at most a few photos
  (``shown_for("report")`` only). Read by ``report_sections_for(access)``, for ``komunitas/report.py``.
- ``schedule_templates`` — ``ScheduleTemplate``: a regular pattern of its sessions (the forum weekly) that a new
  program's schedule is planned from, each adjusted by the facilitator first (``schedule_templates()``).
- ``setup_steps`` — ``SetupStep``: a step of a new program's first run (import the roster, plan, invite, the
  baseline questionnaires), each with its page and its state in one query (``setup_steps()``).

Registration refuses duplicates (app, path, session type, indicator) and unknown aspects or person kinds, and
keeps a declared order (``order``, then registration order). Tests add a throwaway activity with
``register_temporarily`` instead of patching module state.

The core declares its own two session types (reflection, other) the same way, in ``komunitas/activity.py``.
"""

from __future__ import annotations

import importlib
import itertools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .contract import (  # the types of the contract, imported by apps from here
    KIND_MAX_LENGTH,
    REPORT_PHOTOS_PER_SECTION,
    Activity,
    Attention,
    Audience,
    Indicator,
    Panel,
    PlannedSlot,
    ReportPart,
    ReportSection,
    ScheduleTemplate,
    SessionAction,
    SessionType,
    SetupStep,
    StandardAspect,
    StepState,
    Text,
    participants_in,
)

if TYPE_CHECKING:
    from .access import ProgramAccess
    from .models import Person, Program, Session

__all__ = [
    "KIND_MAX_LENGTH",
    "REPORT_PHOTOS_PER_SECTION",
    "Activity",
    "Attention",
    "Audience",
    "Indicator",
    "Panel",
    "PlannedSlot",
    "ReportPart",
    "ReportSection",
    "ScheduleTemplate",
    "SessionAction",
    "SessionType",
    "SetupStep",
    "StandardAspect",
    "StepState",
    "Text",
    "participants_in",
]


_registry: dict[str, tuple[int, Activity]] = {}  # app → (registration number, activity)
_numbers = itertools.count()  # registration order, for activities of the same ``order``
_cache: dict[str, Any] = {}  # what is read on every request, derived from _registry; emptied when it changes
_generations = itertools.count(1)
_generation = 0  # changes with the registry: part of the key of what is cached from the activities' panels


def register(activity: Activity) -> Activity:
    """Add an activity; ImproperlyConfigured when anything in it clashes with what is registered."""
    _check(activity)
    _registry[activity.app] = (next(_numbers), activity)
    _changed()
    return activity


def _changed() -> None:
    global _generation
    _cache.clear()
    _generation = next(_generations)


def generation() -> int:
    """A number that changes whenever the registry does (tests register and hide activities)."""
    return _generation


def _check(activity: Activity) -> None:
    def refuse(message: str) -> None:
        raise ImproperlyConfigured(f"Activity {activity.app!r}: {message}")

    if activity.app in _registry:
        refuse("already registered")
    others = activities()
    if activity.path and activity.path in {other.path for other in others}:
        refuse(f"the path {activity.path!r} is taken")
    if bool(activity.path) != bool(activity.urls):
        refuse("give both a path and its urls, or neither")
    taken = {kind.value for other in others for kind in other.session_types}
    values = [kind.value for kind in activity.session_types]
    for value in values:
        if value in taken or values.count(value) > 1:
            refuse(f"the session type {value!r} is already registered")
        if not value or len(value) > KIND_MAX_LENGTH:
            refuse(f"a session type's value has 1 to {KIND_MAX_LENGTH} characters: {value!r}")
    keys = {indicator.key for other in others for indicator in other.indicators}
    own_keys = [indicator.key for indicator in activity.indicators]
    for indicator in activity.indicators:
        if indicator.key in keys or own_keys.count(indicator.key) > 1:
            refuse(f"the indicator {indicator.key!r} is already registered")
        if indicator.aspect not in StandardAspect.values:
            refuse(f"the indicator {indicator.key!r} names an unknown aspect {indicator.aspect!r}")
    kinds = taken | set(values)
    _check_keys(
        refuse, "schedule template", activity.schedule_templates, [t for o in others for t in o.schedule_templates]
    )
    for template in activity.schedule_templates:
        for slot in template.slots:
            if slot.kind not in kinds:
                refuse(f"the schedule template {template.key!r} plans an unknown session type {slot.kind!r}")
    _check_keys(refuse, "setup step", activity.setup_steps, [s for o in others for s in o.setup_steps])


def _check_keys(refuse, what: str, own: Sequence, others: Sequence) -> None:
    taken = {item.key for item in others}
    keys = [item.key for item in own]
    for key in keys:
        if key in taken or keys.count(key) > 1:
            refuse(f"the {what} {key!r} is already registered")


def _unregister(app: str) -> None:
    _registry.pop(app, None)
    _changed()


@contextmanager
def register_temporarily(activity: Activity) -> Iterator[Activity]:
    """For tests: the activity is registered, with its URLs, until the block ends."""
    register(activity)
    try:
        _reload_urls()
        yield activity
    finally:
        _unregister(activity.app)
        _reload_urls()


@contextmanager
def only(*apps: str) -> Iterator[None]:
    """For tests: as if only these apps had registered (e.g. to count the core's queries without other apps'
    panels). URLs stay as they are: read now, with every app, if nothing read them yet."""
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 — loading them is the point
    saved = dict(_registry)
    for app in list(_registry):
        if app not in apps:
            del _registry[app]
    _changed()
    try:
        yield
    finally:
        _registry.clear()
        _registry.update(saved)
        _changed()


def _reload_urls() -> None:
    """The root URLconf reads the registry when it is imported; import it again after a change."""
    from django.conf import settings
    from django.urls import clear_url_caches

    module = importlib.import_module(settings.ROOT_URLCONF)
    importlib.reload(module)
    clear_url_caches()


# --- what the rest of the product reads ------------------------------------------------------------------------


def activities() -> list[Activity]:
    """Every registered activity, in declared order."""
    if "activities" not in _cache:
        ordered = sorted(_registry.values(), key=lambda item: (item[1].order, item[0]))
        _cache["activities"] = tuple(activity for _number, activity in ordered)
    return list(_cache["activities"])


def session_types() -> list[SessionType]:
    return [kind for activity in activities() for kind in activity.session_types]


def session_type(value: str) -> SessionType:
    """The registered session type ``value``; LookupError for an unknown one."""
    if "types" not in _cache:
        _cache["types"] = {kind.value: kind for kind in session_types()}
    try:
        return _cache["types"][value]
    except KeyError:
        raise LookupError(f"No activity registers the session type {value!r}") from None


def session_type_choices() -> list[tuple[str, Text]]:
    """``Session.kind``'s choices. A callable, so that apps add kinds without a migration of the core."""
    return [(kind.value, kind.label) for kind in session_types()]


def navigation() -> list[Activity]:
    """Activities with an entry in the program navigation."""
    return [activity for activity in activities() if activity.index_url_name]


def url_patterns() -> list:
    """Each activity's URLs below /programs/<id>/, for the root URLconf."""
    from django.urls import include, path

    patterns = []
    for activity in activities():
        if not activity.urls:
            continue
        urls = activity.urls if isinstance(activity.urls, str) else (list(activity.urls), activity.app)
        patterns.append(path(activity.path, include(urls)))
    return patterns


def public_url_patterns() -> list:
    """Each activity's public URLs (no account), for the root URLconf."""
    from django.urls import include, path

    patterns = []
    for activity in activities():
        if activity.public_urls:
            urls = activity.public_urls
            patterns.append(path("", include(import_string(urls) if isinstance(urls, str) else list(urls))))
    return patterns


def session_actions(access: ProgramAccess, session: Session) -> list[SessionAction]:
    """The buttons activities add to the page of ``session`` for this viewer."""
    return [
        action
        for activity in activities()
        for fn in activity.session_actions
        if (action := fn(access, session)) is not None
    ]


def panels_for(access: ProgramAccess) -> list[Panel]:
    panels = [
        panel for activity in activities() for fn in activity.dashboard_panels if (panel := fn(access)) is not None
    ]
    return sorted(panels, key=lambda panel: panel.order)


def attention_for(access: ProgramAccess) -> list[Attention]:
    """What every activity says needs attention in this program, for this viewer."""
    return [item for activity in activities() for fn in activity.attention for item in fn(access)]


def report_sections_for(access: ProgramAccess) -> list[ReportSection]:
    """Every activity's report sections for this reader, by part and order (then the activities' order).
    ImproperlyConfigured when two share a key: the facilitator chooses sections by key."""
    sections = [
        section for activity in activities() for fn in activity.report_sections if (section := fn(access)) is not None
    ]
    keys = [section.key for section in sections]
    if len(keys) != len(set(keys)):
        raise ImproperlyConfigured(f"Report sections share a key: {sorted(k for k in keys if keys.count(k) > 1)}")
    parts = list(ReportPart.values)
    return sorted(sections, key=lambda section: (parts.index(section.part), section.order))


def indicators() -> list[Indicator]:
    return [indicator for activity in activities() for indicator in activity.indicators]


def weekly_indicators(program: Program) -> list[tuple[Indicator, list[float | None]]]:
    """Every indicator with its weekly values; indicators that share their rows read them once."""
    rows_by_source: dict[Callable, Sequence[Any]] = {}
    result = []
    for indicator in indicators():
        if indicator.rows not in rows_by_source:
            rows_by_source[indicator.rows] = indicator.rows(program)
        result.append((indicator, [indicator.value(row) for row in rows_by_source[indicator.rows]]))
    return result


def bench_pages(program: Program) -> dict[str, str]:
    """Pages of the activities for the benchmark: each one's index, the page of one of its held sessions, and
    whatever it adds (``bench_pages``)."""
    from django.urls import reverse

    pages = {}
    for activity in activities():
        if activity.index_url_name:
            pages[f"{activity.app}: index"] = reverse(activity.index_url_name, args=[program.pk])
        for kind in activity.session_types:
            held = program.sessions.filter(kind=kind.value).held()
            session = held.first() if kind.page else None
            if session:
                pages[f"{activity.app}: {kind.value} session"] = session.page_url
        if activity.bench_pages:
            pages.update({f"{activity.app}: {name}": url for name, url in activity.bench_pages(program).items()})
    return pages


def schedule_templates() -> list[ScheduleTemplate]:
    """Every activity's schedule templates, by their order (then the activities')."""
    templates = [template for activity in activities() for template in activity.schedule_templates]
    return sorted(templates, key=lambda template: template.order)


def setup_steps() -> list[SetupStep]:
    """Every activity's first-run steps, by their order (then the activities')."""
    steps = [step for activity in activities() for step in activity.setup_steps]
    return sorted(steps, key=lambda step: step.order)


def demo_seeders() -> list[Callable[..., None]]:
    return [seeder for activity in activities() for seeder in activity.demo_seeders]


def program_created(program: Program) -> None:
    """Let every activity prepare a new program (inside the creating transaction)."""
    for activity in activities():
        for hook in activity.on_program_created:
            hook(program)


def person_data(person: Person) -> dict[str, list[dict]]:
    """Everything every activity stores about ``person``, by model label."""
    data: dict[str, list[dict]] = {}
    for activity in activities():
        if activity.person_data:
            data.update(activity.person_data(person))
    return data


def erase_person(person: Person, by) -> None:
    """Every activity removes or anonymises what it stores about ``person``: apps first, the core last (its order is
    the highest), so an app blanking the person's name in its texts still reads it."""
    for activity in activities():
        if activity.erase_person:
            activity.erase_person(person, by)


def permission_rows() -> list[tuple]:
    """Every activity's permission-table rows (tests import the dotted paths)."""
    rows: list[tuple] = []
    for activity in activities():
        declared = activity.permission_rows
        rows += import_string(declared) if isinstance(declared, str) else list(declared)
    return rows
