"""Programs: week numbering, stages as data, creation and settings forms."""

import datetime as dt
import itertools
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import translation

from komunitas.models import CycleTemplate, Program
from komunitas.services import program_create, stage_ranges
from komunitas.tests.factories import START, SessionFactory

pytestmark = pytest.mark.usefixtures("english")


def test_week_numbering_at_the_edges():
    program = Program(start_date=START, weeks=10)
    assert program.end_date == START + dt.timedelta(days=69)
    assert program.week_of(START) == 1
    assert program.week_of(START + dt.timedelta(days=6)) == 1
    assert program.week_of(START + dt.timedelta(days=7)) == 2
    assert program.week_of(program.end_date) == 10
    assert program.week_of(START - dt.timedelta(days=1)) is None
    assert program.week_of(program.end_date + dt.timedelta(days=1)) is None


@pytest.mark.parametrize("weeks", [1, 2, 3, 4, 5, 10, 13, 52])
def test_stage_ranges_cover_the_program_without_gaps(weeks):
    ranges = stage_ranges(START, weeks, [0.2, 0.5, 0.2, 0.1])
    assert ranges[0][0] == START
    assert ranges[-1][1] == START + dt.timedelta(days=7 * weeks - 1)
    for (_, end), (next_start, _) in itertools.pairwise(ranges):
        assert next_start == end + dt.timedelta(days=1)
    assert all(start <= end for start, end in ranges)


def test_study_cycle_splits_ten_weeks_two_five_two_one(school):
    with translation.override("en"):
        program = program_create(school=school, name="K", start_date=START, weeks=10, cycle=CycleTemplate.STUDY)
    stages = list(program.stages.all())
    assert [s.name for s in stages] == ["Planning", "Implementation", "Observation & evaluation", "Reflection"]
    assert [((s.end_date - s.start_date).days + 1) // 7 for s in stages] == [2, 5, 2, 1]
    assert [t.text for t in stages[0].checklist.all()] == [
        "Needs identification",
        "Coordination with the school",
        "Program schedule",
    ]


def test_kombel_cycle_can_be_chosen_instead(school):
    with translation.override("id"):
        program = program_create(school=school, name="Kombel", start_date=START, weeks=10, cycle=CycleTemplate.KOMBEL)
    with translation.override("id"):
        assert next(s.name for s in program.stages.all()) == translation.gettext("Initial reflection")


def test_facilitator_creates_a_program_with_stages(client, facilitator, school):
    client.force_login(facilitator)
    response = client.post(
        reverse("program_create"),
        {
            "school": school.pk,
            "name": "Kombel 2027",
            "description": "",
            "start_date": "2027-01-04",
            "weeks": 12,
            "cycle": "kombel",
        },
    )
    program = Program.objects.get(name="Kombel 2027")
    assert response.status_code == 302 and response.url == reverse("program_setup", args=[program.pk])
    assert program.weeks == 12 and program.stages.count() == 4


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("weeks", "0", "between 1 and 52"),
        ("weeks", "60", "between 1 and 52"),
        ("start_date", "31-02-2027", "Enter a valid date."),
    ],
)
def test_program_form_refuses_bad_input_and_keeps_it(client, facilitator, school, field, value, message):
    client.force_login(facilitator)
    data = {"school": school.pk, "name": "Kombel 2027", "start_date": "2027-01-04", "weeks": 10, "cycle": "study"}
    data[field] = value
    response = client.post(reverse("program_create"), data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert response.context["form"].data["name"] == data["name"]
    assert not Program.objects.filter(name="Kombel 2027").exists()


def test_program_form_offers_only_schools_the_user_manages(client, facilitator, outsider, school):
    client.force_login(facilitator)
    other_school = outsider.memberships.get().school
    response = client.post(
        reverse("program_create"),
        {"school": other_school.pk, "name": "X", "start_date": "2027-01-04", "weeks": 10, "cycle": "study"},
    )
    assert response.status_code == 200
    assert "school" in response.context["form"].errors


def test_facilitator_registers_a_school_and_becomes_its_facilitator(client, facilitator):
    client.force_login(facilitator)
    response = client.post(
        reverse("school_create"),
        {
            "name": "SMPN 9 Lubuklinggau",
            "npsn": "",
            "address": "",
            "district_name": "Kota Lubuklinggau",
            "province": "",
        },
    )
    assert response.status_code == 302
    assert facilitator.memberships.filter(school__name="SMPN 9 Lubuklinggau", role="facilitator").exists()


def test_school_form_refuses_a_duplicate_in_the_same_district(client, facilitator, school):
    client.force_login(facilitator)
    response = client.post(reverse("school_create"), {"name": school.name, "district_name": school.district.name})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors


def test_principal_edits_settings(client, principal, program):
    client.force_login(principal)
    response = client.post(
        reverse("program_settings", args=[program.pk]),
        {"name": "Nama baru", "description": "", "start_date": "2026-02-02", "weeks": 12},
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.name, program.weeks) == ("Nama baru", 12)


def test_stage_dates_must_fall_inside_the_program(client, facilitator, program):
    client.force_login(facilitator)
    stage = program.stages.first()
    response = client.post(
        reverse("stage_edit", args=[program.pk, stage.pk]),
        {"order": 1, "name": "Perencanaan", "start_date": "2026-01-01", "end_date": "2026-01-31"},
    )
    assert response.status_code == 200
    assert "start_date" in response.context["form"].errors
    response = client.post(
        reverse("stage_edit", args=[program.pk, stage.pk]),
        {"order": 1, "name": "Perencanaan", "start_date": "2026-02-10", "end_date": "2026-02-03"},
    )
    assert "end_date" in response.context["form"].errors


def test_checklist_item_is_ticked_and_shows_on_the_dashboard(client, facilitator, program):
    client.force_login(facilitator)
    item = program.stages.first().checklist.first()
    client.post(reverse("checklist_toggle", args=[program.pk, item.pk]))
    item.refresh_from_db()
    assert item.done and item.done_by == facilitator
    client.post(reverse("checklist_add", args=[program.pk, item.stage_id]), {"text": "Rapat dengan komite"})
    assert item.stage.checklist.filter(text="Rapat dengan komite").exists()


def test_dashboard_lists_the_week_in_date_order(client, principal, program):
    today = program.start_date
    SessionFactory(program=program, title="Sabtu", date=today + dt.timedelta(days=5))
    SessionFactory(program=program, title="Senin", date=today)
    SessionFactory(program=program, title="Rabu", date=today + dt.timedelta(days=2))
    client.force_login(principal)
    with mock.patch("django.utils.timezone.localdate", return_value=today):
        response = client.get(program.get_absolute_url())
    assert [s.title for s in response.context["week_sessions"]] == ["Senin", "Rabu", "Sabtu"]


def test_shortening_the_program_is_refused_while_sessions_would_fall_outside(client, principal, program):
    SessionFactory(program=program, title="Minggu sembilan", date=program.start_date + dt.timedelta(weeks=8))
    client.force_login(principal)
    response = client.post(
        reverse("program_settings", args=[program.pk]), {"name": program.name, "start_date": "2026-02-02", "weeks": 5}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["weeks"])
    assert "1 sessions would fall outside the program" in errors and "Minggu sembilan" in errors
    assert "These stages would end outside the program" in errors
    program.refresh_from_db()
    assert program.weeks == 10


def test_principal_sees_no_register_school_button(client, principal, program):
    client.force_login(principal)
    html = client.get(reverse("home") + "?all").content.decode()
    assert reverse("program_create") in html and reverse("school_create") not in html


def test_npsn_has_eight_digits(client, facilitator):
    client.force_login(facilitator)
    response = client.post(reverse("school_create"), {"name": "SMPN 1", "npsn": "abc", "district_name": "Kab"})
    assert "8 digits" in response.context["form"].errors["npsn"][0]


def test_program_form_preselects_the_only_school(client, facilitator, school):
    client.force_login(facilitator)
    form = client.get(reverse("program_create")).context["form"]
    assert form["school"].value() == school.pk


def test_an_empty_task_is_refused_with_a_message(client, facilitator, program):
    client.force_login(facilitator)
    stage = program.stages.first()
    before = stage.checklist.count()
    response = client.post(reverse("checklist_add", args=[program.pk, stage.pk]), {"text": "  "}, follow=True)
    assert "Write the task before adding it." in response.content.decode()
    assert stage.checklist.count() == before


@pytest.mark.parametrize(("weeks", "message"), [("0", "between 1 and 52"), ("abc", "Enter a whole number.")])
def test_program_settings_refuse_bad_weeks_and_keep_input(client, principal, program, weeks, message):
    client.force_login(principal)
    response = client.post(
        reverse("program_settings", args=[program.pk]),
        {"name": "Nama baru", "start_date": "2026-02-02", "weeks": weeks},
    )
    assert message in response.context["form"].errors["weeks"][0]
    assert response.context["form"]["name"].value() == "Nama baru"
    program.refresh_from_db()
    assert program.name == "Komunitas Belajar Kolaboratif"
