"""What an app declares in the plug-in contract: the types ``register(Activity(...))`` takes (komunitas/activities.py
registers them and is what apps import; its docstring says who reads each field)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from .access import ProgramAccess
    from .models import Person, Program, Session

Text = str | Promise
KIND_MAX_LENGTH = 16  # Session.kind's column


class StandardAspect(models.TextChoices):
    """The rows of the study's Table 1. Indicators name the row they support; the evaluation keeps each
    program's own wording of these rows and may add more."""

    TEACHER_PARTICIPATION = "teacher_participation", _("Teacher participation")
    TEACHER_COMPETENCE = "teacher_competence", _("Teacher competence")
    STUDENT_ENGAGEMENT = "student_engagement", _("Student engagement")
    PARENT_INVOLVEMENT = "parent_involvement", _("Parent involvement")
    LEARNING_COMMUNITY = "learning_community", _("Learning community")


Audience = Callable[["Session"], "models.QuerySet[Person]"]


def participants_in(*roles: str) -> Audience:
    """An audience: the session's program's participants in these roles (every participant when none given)."""
    from .models import PersonKind

    unknown = set(roles) - set(PersonKind.values)
    if unknown:
        raise ImproperlyConfigured(f"Unknown person kinds in an audience: {sorted(unknown)}")

    def audience(session: Session):
        from .models import Person

        # A session of today or before lists who took part on its day (so it prints the same tomorrow); a future
        # one, who takes part now.
        on = session.date if session.date and session.date <= timezone.localdate() else None
        return Person.objects.participants_of(session.program, list(roles) or None, on=on)

    audience.everyone = not roles  # its list cannot be widened ("show every participant")
    return audience


@dataclass(frozen=True)
class SessionType:
    """A kind of session an app owns, e.g. the forum's "forum"."""

    value: str  # stored in Session.kind
    label: Text
    audience: Audience = field(default_factory=participants_in)  # who its attendance list shows
    page: str | None = None  # URL name of the page for one such session (args: program_id, pk); else the core's

    @property
    def narrows(self) -> bool:
        """Whether its attendance list shows fewer than every participant (so "show everyone" means something)."""
        return not getattr(self.audience, "everyone", False)


@dataclass(frozen=True)
class Panel:
    """A dashboard panel: a template and its context."""

    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


@dataclass(frozen=True)
class Attention:
    """Something on the dashboard's "needs attention" list, e.g. "3 planned sessions not logged": a sentence,
    and up to a few (label, url) pairs to act on."""

    text: Text
    items: Sequence[tuple[Text, str]] = ()
    level: str = "warning"  # a Bootstrap colour: warning, danger, info


class ReportPart(models.TextChoices):
    """Where a section goes in the final report (the KKG/MGMP layout, docs/architecture.md "The final report")."""

    INTRODUCTION = "introduction", _("Introduction")  # BAB I, after who took part (e.g. the results expected)
    METHOD = "method", _("Implementation: method")  # BAB II, after the stages and the participants
    RESULTS = "results", _("Implementation: results")  # BAB II, the results of each activity and the evaluation
    APPENDIX = "appendix", _("Appendix")  # lampiran


@dataclass(frozen=True)
class ReportSection:
    """A section of the final report an app contributes: a heading, a template and its context.

    ``key`` is unique within the report and is what the facilitator ticks to include or leave out a section
    (``?sections=``); keep it stable. The template is rendered inside the report with its ``context`` plus the
    report's own (``program``, ``access``, ``pdf``, ``section``). A photo is a ``print_images.PrintPhoto``: read
    with ``Attachment.objects.shown_for("report")`` and at most ``REPORT_PHOTOS_PER_SECTION`` of them."""

    key: str
    title: Text
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100  # within its part
    part: str = ReportPart.RESULTS

    @property
    def part_label(self) -> Text:
        return ReportPart(self.part).label


REPORT_PHOTOS_PER_SECTION = 4  # bounds the report's size and its rendering time


@dataclass(frozen=True)
class SessionAction:
    """A button an app adds to every session page, e.g. the evaluation's "Record an observation"."""

    label: Text
    url: str


@dataclass(frozen=True)
class Indicator:
    """A weekly figure for the evaluation and the report, e.g. "teachers present at the forum, in %".

    ``rows(program)`` returns one row per program week at a fixed number of queries (an app's weekly
    selector, such as the forum's ``forum_weekly``); ``value(row)`` picks this indicator's number from a row
    (None: no value that week). Indicators sharing ``rows`` are read with one call (``weekly_indicators``).
    """

    key: str  # unique: "<app>.<name>"
    name: Text
    unit: Text
    aspect: str  # a StandardAspect value
    rows: Callable[[Program], Sequence[Any]]
    value: Callable[[Any], float | None]

    def weekly(self, program: Program) -> list[float | None]:
        """One value per week of the program."""
        return [self.value(row) for row in self.rows(program)]


@dataclass(frozen=True)
class PlannedSlot:
    """One session in each planned week of a ``ScheduleTemplate``: its kind, title, weekday (0 = Monday), times."""

    kind: str  # a registered session type
    title: Text
    weekday: int
    start: dt.time
    end: dt.time


@dataclass(frozen=True)
class ScheduleTemplate:
    """A regular pattern a program's schedule is planned from (the first run's "plan the schedule"), e.g. the
    forum every week or a parent class every second week. The facilitator adjusts each before anything is created;
    ``first_week`` and ``every_weeks`` are the defaults offered."""

    key: str  # unique: "<app>.<name>"
    label: Text
    help: Text
    slots: Sequence[PlannedSlot]
    every_weeks: int = 1
    first_week: int = 1
    order: int = 100


@dataclass(frozen=True)
class StepState:
    """Where a program stands on one setup step: done or not, and a few words of what is there ("32 students")."""

    done: bool
    summary: Text = ""


@dataclass(frozen=True)
class SetupStep:
    """A step of a new program's first run, shown on the setup guide and, until the guide is finished, on the
    dashboard. ``state(program)`` reads at most one query; ``url(program)`` is the page that does the step."""

    key: str  # unique, stable: skipped steps are stored by key
    title: Text
    description: Text
    url: Callable[[Program], str]
    state: Callable[[Program], StepState]
    order: int = 100
    # fn(program) -> [(label, url)]: other ways to do the step (e.g. "add one by one"), shown beside its button
    more: Callable[[Program], Sequence[tuple[Text, str]]] | None = None


@dataclass(frozen=True)
class Activity:
    """Everything the rest of the product needs from one app. Only ``app`` is required."""

    app: str  # the app's name, also the namespace of its URLs
    label: Text = ""  # its entry in the program navigation (none when empty)
    path: str = ""  # its URLs' place below /programs/<id>/, e.g. "forums/"
    urls: str | Sequence | None = None  # "forums.urls" (a module with app_name = app), or a list of patterns
    order: int = 100  # lower comes first: navigation, dashboard, report, demo
    session_types: Sequence[SessionType] = ()
    dashboard_panels: Sequence[Callable[[ProgramAccess], Panel | None]] = ()
    # fn(access) -> [Attention]: what needs doing now, at a fixed number of queries (cached with the panels)
    attention: Sequence[Callable[[ProgramAccess], Sequence[Attention]]] = ()
    indicators: Sequence[Indicator] = ()
    demo_seeders: Sequence[Callable[..., None]] = ()
    on_program_created: Sequence[Callable[[Program], None]] = ()
    permission_rows: str | Sequence = ()  # a dotted path to the rows (imported by tests only), or the rows
    bench_pages: Callable[[Program], dict[str, str]] | None = None  # more pages for `manage.py bench` to time
    person_data: Callable[[Person], dict[str, list[dict]]] | None = None  # what it stores about a person
    # URLs at the site's root for people without an account (e.g. "q/<token>/"): the patterns, or a dotted path to
    # them; the app guards them itself
    public_urls: str | Sequence | None = None
    # fn(access) -> [export.Sheet]: its tables in the program's export (a fixed number of queries each)
    export_sheets: Sequence[Callable[[ProgramAccess], list[Any]]] = ()
    # fn(access, session) -> SessionAction | None, at no query: buttons on every session page
    session_actions: Sequence[Callable[[ProgramAccess, Session], SessionAction | None]] = ()
    erase_person: Callable[..., None] | None = None  # fn(person, by): remove or anonymise it, keeping counts
    # fn(access) -> ReportSection | None: its sections of the final report (fixed queries each)
    report_sections: Sequence[Callable[[ProgramAccess], ReportSection | None]] = ()
    # the regular patterns a new program's schedule is planned from (the first run), and the first run's steps
    schedule_templates: Sequence[ScheduleTemplate] = ()
    setup_steps: Sequence[SetupStep] = ()

    @property
    def index_url_name(self) -> str | None:
        """The navigation target: the app's URL named "index"."""
        return f"{self.app}:index" if self.urls and self.label else None
