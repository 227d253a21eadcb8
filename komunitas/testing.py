"""What every app's tests share (docs/architecture.md, "Tests"): upload files, form round trips, the permission
rules with a ready-made permission-table test, named members of a school, and browser helpers with the
accessibility check. The named users themselves are fixtures of the root ``conftest.py``.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from .models import Membership, Person

PASSWORD = "pw-komunitas-123"  # every test user's (komunitas/tests/factories.py)

# --- files -----------------------------------------------------------------------------------------------------


def jpeg_bytes(size=(40, 30), colour="green") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return out.getvalue()


def jpeg(name="foto.jpg", size=(40, 30)) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(size), content_type="image/jpeg")


def pdf(name="materi.pdf", padding=0) -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n" + b" " * padding + b"%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")


def exe(name="materi.pdf") -> SimpleUploadedFile:
    """A Windows program renamed .pdf."""
    return SimpleUploadedFile(name, b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, content_type="application/pdf")


# --- form round trips ------------------------------------------------------------------------------------------


class _FormReader(HTMLParser):
    """The values a browser would submit from the form with data-testid=``testid`` (or from every form)."""

    def __init__(self, testid=None):
        super().__init__()
        self.testid, self.inside, self.data = testid, testid is None, {}
        self.select, self.textarea = None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and self.testid and attrs.get("data-testid") == self.testid:
            self.inside = True
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            else:
                self._add(name, attrs.get("value", ""))
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self._add(self.select, attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea][0] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            if self.textarea:
                value = self.data[self.textarea][0]
                self.data[self.textarea][0] = value[1:] if value.startswith("\n") else value
            self.textarea = None
        elif tag == "form" and self.inside and self.testid:
            self.inside = False

    def _add(self, name, value):
        self.data.setdefault(name, []).append(value)


def form_values(html: str, testid: str | None = None) -> dict:
    """POST data equal to what the rendered form holds (a form round trip: GET the page, POST it back)."""
    reader = _FormReader(testid)
    reader.feed(html)
    return {name: values if len(values) != 1 else values[0] for name, values in reader.data.items()}


# --- named members of a school ---------------------------------------------------------------------------------


def make_member(username: str, school, role: str, kind: str, **person_fields):
    """A user with ``role`` at ``school`` and their person on the roster (name: the username, titled)."""
    from .tests.factories import UserFactory

    user = UserFactory(username=username)
    Membership.objects.create(user=user, school=school, role=role)
    Person.objects.create(school=school, name=username.title(), kind=kind, user=user, **person_fields)
    return user


# --- permissions -----------------------------------------------------------------------------------------------
# A table row: (url name, kwargs naming objects of the test's ``world``, method, capability, status when allowed).
# ``ALLOWED`` says which roles have a capability. Whoever lacks it gets 403 when they may read the program, 404
# when they may not (or when the capability hides the page from readers too); anonymous users go to the login.

ROLES = ["anonymous", "principal", "facilitator", "teacher", "district_officer", "outsider", "superuser"]
READERS = {"principal", "facilitator", "teacher", "district_officer", "superuser"}
ALLOWED = {
    "read": READERS,
    # plan and log sessions, take attendance, add documentation: every teacher of the program
    "log": {"teacher", "facilitator", "superuser"},
    "manage": {"facilitator", "superuser"},
    "settings": {"facilitator", "principal", "superuser"},
    # the school's staff accounts
    "staff": {"facilitator", "principal", "superuser"},
    # everyone's evaluation answers, by name
    "evaluate": {"facilitator", "principal", "superuser"},
    # the final report's texts and obstacles
    "report": {"facilitator", "principal", "superuser"},
    # what a teacher does as a teacher, e.g. answer the teachers' questionnaire as themselves
    "teacher_self": {"teacher"},
    # a record created by the facilitator: only they (and superusers) may edit it
    "edit_facilitators": {"facilitator", "superuser"},
    # a record created by the teacher: the teacher, facilitators and superusers
    "edit_teachers": {"teacher", "facilitator", "superuser"},
    # pages that may show students without recorded consent: the school's own staff only (404 for others)
    "school_staff": {"principal", "facilitator", "teacher", "superuser"},
    # pages that name students or parents: the school's managers and the program's teachers, not the district
    "personal_data": {"principal", "facilitator", "teacher", "superuser"},
}
HIDDEN_FROM_READERS = {"school_staff"}


def check_access(client, users: dict, role: str, method: str, url: str, capability: str, ok: int) -> None:
    if role != "anonymous":
        client.force_login(users[role])
    response = getattr(client, method)(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))
    elif role in ALLOWED[capability]:
        assert response.status_code == ok, f"{role} on {url}"
    elif role in READERS and capability not in HIDDEN_FROM_READERS:
        assert response.status_code == 403, f"{role} on {url}"
    else:
        assert response.status_code == 404, f"{role} on {url}"


def program_url(name: str, kwargs: dict, world: dict) -> str:
    """A program URL whose arguments name objects of ``world`` (or are literal values)."""
    resolved = {key: (world[value].pk if value in world else value) for key, value in kwargs.items()}
    return reverse(name, kwargs={"program_id": world["program"].pk, **resolved})


def permission_table_test(table: list[tuple]):
    """The test that walks ``table`` for every role, given a ``world`` fixture (the root conftest's default holds
    the program and the users). Use: ``test_permission_table = permission_table_test(TABLE)``."""

    @pytest.mark.parametrize("role", ROLES)
    @pytest.mark.parametrize(
        ("name", "kwargs", "method", "capability", "ok"), table, ids=[f"{r[0]}-{r[2]}-{r[3]}" for r in table]
    )
    def test_permission_table(client, world, role, name, kwargs, method, capability, ok):
        check_access(client, world["users"], role, method, program_url(name, kwargs, world), capability, ok)

    return test_permission_table


# Someone whose data only the school's staff in the program may see: a student with a number and a class, and
# their parent — on the roster, in the program, present at the world's session and tagged in its photo (with
# every consent, so that the photo itself may show). Their name, number, class or parent must appear on no page
# a district officer, or a teacher outside the program, can open.
SECRET_STUDENT, SECRET_NUMBER, SECRET_CLASS, SECRET_PARENT = "Ani Rahasiawati", "7766554433", "9K", "Wali Rahasiadi"


def _place_someone_private(world: dict) -> None:
    from .models import Attendance, ConsentPurpose, Participant, PersonKind, PhotoConsent

    program = world["program"]
    student = Person.objects.create(
        school=program.school,
        name=SECRET_STUDENT,
        kind=PersonKind.STUDENT,
        identifier=SECRET_NUMBER,
        class_name=SECRET_CLASS,
    )
    parent = Person.objects.create(school=program.school, name=SECRET_PARENT, kind=PersonKind.PARENT)
    parent.guardian_of.add(student)
    for person in (student, parent):
        Participant.objects.create(program=program, person=person, role=person.kind)
    PhotoConsent.objects.bulk_create(PhotoConsent(person=student, purpose=p) for p in ConsentPurpose.values)
    for session in [obj for key, obj in world.items() if key.endswith("session") and hasattr(obj, "attendance")]:
        Attendance.objects.create(session=session, person=student, status="present")
        Attendance.objects.create(session=session, person=parent, status="present")
    if "attachment" in world:
        world["attachment"].people.add(student)


def personal_data_test(table: list[tuple]):
    """The test that opens every page of ``table`` (its GET rows) as a district officer and as a teacher of the
    school who does not take part in the program, and finds no student's or parent's name, number or class
    on any of them (``ProgramAccess.sees_personal_data``). Use: ``test_no_personal_data =
    personal_data_test(TABLE)`` beside a ``world``."""
    import re

    secrets = re.compile(
        "|".join([re.escape(SECRET_STUDENT), SECRET_NUMBER, re.escape(SECRET_PARENT), rf"\b{SECRET_CLASS}\b"])
    )
    rows = [row for row in table if row[2] == "get"]

    @pytest.mark.parametrize("viewer", ["district_officer", "teacher_outside_the_program"])
    def test_no_personal_data(client, world, viewer):
        from .models import PersonKind

        _place_someone_private(world)
        if viewer == "district_officer":
            user = world["users"]["district_officer"]
        else:
            user = make_member("guru-lain", world["program"].school, "teacher", PersonKind.TEACHER)
        client.force_login(user)
        opened = 0
        for name, kwargs, *_rest in rows:
            response = client.get(program_url(name, kwargs, world))
            if response.status_code != 200:
                continue
            opened += 1
            found = secrets.search(_readable_text(response))
            assert not found, f"{name} shows {found.group(0)!r} to the {viewer}"
        assert opened, "no page opened"

    return test_no_personal_data


def _readable_text(response) -> str:
    """What a reader sees of a response: its text, a PDF's extracted text; nothing of an image. (A PDF's or an
    image's compressed bytes read as text may hold "9K" by chance: the search looks at words, not bytes.)"""
    body = b"".join(response) if response.streaming else response.content
    content_type = response.get("Content-Type", "")
    if content_type.startswith("application/pdf"):
        from io import BytesIO

        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(BytesIO(body)).pages)
    if content_type.startswith("image/"):
        return ""
    return body.decode("utf-8", "replace")


def program_url_names(resolver=None) -> set[str]:
    """The names of every URL below /programs/<id>/ (namespaced, e.g. "forums:index")."""
    from django.urls import get_resolver

    names = set()

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if hasattr(pattern, "url_patterns"):
                ns = f"{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
            elif pattern.name and (prefix + str(pattern.pattern)).startswith("programs/<int:program_id>/"):
                names.add(namespace + pattern.name)

    walk((resolver or get_resolver()).url_patterns)
    return names


# --- browser ---------------------------------------------------------------------------------------------------
# Every page a browser test visits gets an accessibility check (axe-core, through axe-playwright-python):
# ``settle(page)`` after anything that loads a page. The ``phone`` fixture fails a test that visited a page
# without checking it.

BLOCKING_IMPACTS = {"serious", "critical"}
_checked: dict[int, set[str]] = {}


def _page_key(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


# Wait for CSS transitions to end: a button's colours fade in over 0.15 s, and axe reading them half-way (a slow CI
# machine) measured a contrast the page never shows at rest. Endless animations (spinners) are not waited for.
FINISH_TRANSITIONS = """() => Promise.all(document.getAnimations()
    .filter(animation => animation.effect && animation.effect.getComputedTiming().iterations !== Infinity)
    .map(animation => animation.finished.catch(() => null)))"""


def assert_accessible(page) -> None:
    """No serious or critical axe-core violation on the page as it is now (once its transitions have ended)."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate(FINISH_TRANSITIONS)
    results = Axe().run(page)
    blocking = [v for v in results.response["violations"] if v["impact"] in BLOCKING_IMPACTS]
    _checked.setdefault(id(page), set()).add(_page_key(page.url))
    assert not blocking, f"Accessibility on {page.url}:\n" + "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} — " + "; ".join(", ".join(node["target"]) for node in v["nodes"][:5])
        for v in blocking
    )


def settle(page) -> None:
    """Wait for the page that an action loaded, then check its accessibility."""
    page.wait_for_load_state()
    assert_accessible(page)


def track_visits(page) -> set[str]:
    """Record the pages the browser lands on (for ``unchecked_visits``)."""
    visited: set[str] = set()

    def record(frame) -> None:
        if frame == page.main_frame and frame.url.startswith("http"):
            visited.add(_page_key(frame.url))

    page.on("framenavigated", record)
    return visited


def unchecked_visits(page, visited: set[str]) -> set[str]:
    return {url for url in visited if url != "about:blank"} - _checked.pop(id(page), set())


def sign_in(page, username, password=PASSWORD) -> None:
    page.goto("/accounts/login/")
    settle(page)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("main form button[type=submit]")
    settle(page)


def assert_fits(page) -> None:
    """The page does not scroll sideways; on failure, name the elements that stick out."""
    overflow = page.evaluate(
        """() => {
        const width = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= width) return [];
        return [...document.querySelectorAll("body *")]
            .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-responsive"))
            .slice(0, 8)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
    }"""
    )
    assert not overflow, f"{page.url} scrolls sideways: {overflow}"


def visit_each(page, urls) -> None:
    """Open each page in turn: it passes the accessibility check and does not scroll sideways."""
    for url in urls:
        page.goto(url)
        settle(page)
        assert_fits(page)
