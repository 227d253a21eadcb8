"""Assessing a whole club's 4C on one screen, and the school's rubric scale (locked once anyone is assessed)."""

import pytest
from django.urls import reverse

from komunitas.testing import form_values
from komunitas.tests.factories import StudentFactory
from projects.assessment_forms import score_field_name
from projects.models import ClubRubric, SkillAssessment
from projects.tests.factories import ClubFactory

SKILLS = ["critical_thinking", "creativity", "communication", "collaboration"]


@pytest.fixture
def club(program, facilitator, teacher, students):
    return ClubFactory(program=program, created_by=facilitator, mentors=[teacher.person], members=students[:3])


def _url(program, club, query=""):
    return reverse("projects:assess", args=[program.pk, club.pk]) + query


def _scores(phase="baseline", week=0, **cells):
    data = {"phase": phase, "week": week}
    data.update(cells)
    return data


def test_the_screen_lists_members_by_class_and_name_with_the_levels_and_descriptors(client, program, club, teacher):
    client.force_login(teacher)
    response = client.get(_url(program, club))
    page = response.content.decode()
    assert [person for person, _cells in response.context["form"].rows()] == list(club.members.order_by("name"))
    for text in ["BB · Belum Berkembang", "SB · Sangat Berkembang", "Copies an example", "Critical thinking"]:
        assert text in page
    assert "not scored" in page  # what an empty cell means is said under the table


def test_a_round_trip_saves_every_cell_of_the_club_in_one_go(client, program, club, teacher, students):
    client.force_login(teacher)
    data = form_values(client.get(_url(program, club)).content.decode(), "assess-form")
    for person in students[:3]:
        for skill in SKILLS:
            data[score_field_name(person.pk, skill)] = "1"
    data[score_field_name(students[0].pk, "creativity")] = "3"
    response = client.post(_url(program, club), data)
    assert response.status_code == 302 and response.url == club.get_absolute_url()
    assert SkillAssessment.objects.filter(club=club, phase="baseline", week=0).count() == 12
    row = SkillAssessment.objects.get(person=students[0], skill="creativity")
    assert (row.score, row.scale, row.level_code, row.level_label, row.assessed_by) == (
        3,
        "p5",
        "BSH",
        "Berkembang Sesuai Harapan",
        teacher,
    )
    page = client.get(club.get_absolute_url()).content.decode()
    assert "3 of 3 students assessed" in page and "4C scores saved" in page

    # Shown again pre-selected; "—" removes a score, an unchanged cell stays as it was.
    again = form_values(client.get(_url(program, club)).content.decode(), "assess-form")
    assert again[score_field_name(students[0].pk, "creativity")] == "3"
    again[score_field_name(students[0].pk, "creativity")] = ""
    client.post(_url(program, club), again)
    assert not SkillAssessment.objects.filter(person=students[0], skill="creativity").exists()
    assert SkillAssessment.objects.filter(club=club).count() == 11
    assert "2 of 3 students assessed" in client.get(club.get_absolute_url()).content.decode()


def test_weekly_scores_are_kept_per_week_and_apart_from_the_baseline(client, program, club, teacher, students):
    client.force_login(teacher)
    cell = score_field_name(students[0].pk, "communication")
    client.post(_url(program, club), _scores(**{cell: "2"}))
    client.post(_url(program, club), _scores("weekly", 3, **{cell: "4"}))
    client.post(_url(program, club), _scores("endline", 7, **{cell: "4"}))  # a week sent with the endline: ignored
    rows = SkillAssessment.objects.filter(person=students[0]).order_by("phase", "week")
    assert [(r.phase, r.week, r.level_code) for r in rows] == [
        ("baseline", 0, "MB"),
        ("endline", 0, "SB"),
        ("weekly", 3, "SB"),
    ]
    response = client.get(_url(program, club, "?phase=weekly&week=3"))
    assert response.context["form"][cell].value() == "4"
    assert response.context["form"][score_field_name(students[1].pk, "communication")].value() is None
    assert "weeks 3" in client.get(club.get_absolute_url()).content.decode()


def test_the_weekly_phase_opens_on_the_current_week_and_warns_of_a_week_outside(client, program, club, teacher):
    client.force_login(teacher)
    response = client.get(_url(program, club, "?phase=weekly"))
    assert response.context["week"] == (program.current_week() or 1)
    response = client.get(_url(program, club, "?phase=weekly&week=99"))
    assert response.context["week"] == (program.current_week() or 1) and "weeks 1 to 10" in response.context["warning"]
    assert client.get(_url(program, club, "?phase=nonsense")).context["phase"] == "baseline"


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"phase": "weekly", "week": "11"}, "Choose a week of the program"),
        ({"phase": "weekly", "week": "0"}, "Choose a week of the program"),
        ({"phase": "someday"}, "Select a valid choice"),
        ({"week": "many"}, "Enter a whole number"),
    ],
)
def test_a_phase_or_week_outside_the_program_is_refused(client, program, club, teacher, students, change, error):
    client.force_login(teacher)
    data = {**_scores(**{score_field_name(students[0].pk, "creativity"): "2"}), **change}
    response = client.post(_url(program, club), data)
    assert response.status_code == 200 and error in response.content.decode()
    assert not SkillAssessment.objects.exists()


@pytest.mark.parametrize("score", ["5", "0", "-1", "4.0", "BB", "99999999999999999999999"])
def test_a_score_outside_the_scale_is_refused_and_the_input_kept(client, program, club, teacher, students, score):
    client.force_login(teacher)
    good, bad = score_field_name(students[0].pk, "creativity"), score_field_name(students[1].pk, "creativity")
    response = client.post(_url(program, club), _scores(**{good: "3", bad: score}))
    form = response.context["form"]
    assert response.status_code == 200 and "1 to 4" in form.errors[bad][0]
    assert form[good].value() == "3"  # what was chosen stays chosen
    assert "is-invalid" in response.content.decode() and not SkillAssessment.objects.exists()


def test_the_2025_scale_has_three_levels(client, program, club, teacher, students):
    ClubRubric.objects.create(school=program.school, scale="k2025")
    client.force_login(teacher)
    cell = score_field_name(students[0].pk, "creativity")
    assert "1 to 3" in client.post(_url(program, club), _scores(**{cell: "4"})).context["form"].errors[cell][0]
    client.post(_url(program, club), _scores(**{cell: "3"}))
    row = SkillAssessment.objects.get()
    assert (row.scale, row.level_code, row.level_label) == ("k2025", "M", "Mahir")


def test_scores_of_someone_not_in_the_club_are_refused_whole(client, program, club, teacher, students, outsider):
    client.force_login(teacher)
    stranger = StudentFactory(school=program.school)
    for person in [students[3], stranger, outsider.person]:
        data = _scores(
            **{score_field_name(students[0].pk, "creativity"): "2", score_field_name(person.pk, "creativity"): "2"}
        )
        response = client.post(_url(program, club), data)
        assert response.status_code == 200 and "not a member of this club" in response.content.decode()
    assert not SkillAssessment.objects.exists()


def test_the_same_student_posted_twice_is_refused(client, program, club, teacher, students):
    client.force_login(teacher)
    cell = score_field_name(students[0].pk, "creativity")
    response = client.post(_url(program, club), {"phase": "baseline", "week": "0", cell: ["2", "4"]})
    assert response.status_code == 200 and "scored twice" in response.content.decode()
    assert not SkillAssessment.objects.exists()


def test_only_the_clubs_mentors_its_creator_and_facilitators_assess(
    client, program, club, facilitator, teacher, other_teacher, students
):
    client.force_login(other_teacher)  # neither mentor nor creator
    assert client.get(_url(program, club)).status_code == 403
    assert client.post(_url(program, club), _scores()).status_code == 403
    page = client.get(club.get_absolute_url()).content.decode()
    assert _url(program, club) not in page
    own = ClubFactory(program=program, created_by=other_teacher, members=students[:1])
    assert client.get(_url(program, own)).status_code == 200
    client.force_login(facilitator)
    assert client.get(_url(program, club)).status_code == 200
    assert _url(program, club) in client.get(club.get_absolute_url()).content.decode()


def test_a_club_without_members_says_so(client, program, teacher):
    empty = ClubFactory(program=program, mentors=[teacher.person])
    client.force_login(teacher)
    page = client.get(_url(program, empty)).content.decode()
    assert "no members yet" in page and 'data-testid="assess-form"' not in page


# --- the rubric scale -------------------------------------------------------------------------------------------


def test_the_school_chooses_its_scale_and_sees_both(client, program, principal):
    client.force_login(principal)
    url = reverse("projects:rubric", args=[program.pk])
    page = client.get(url).content.decode()
    for text in ["Belum Berkembang", "Sangat Berkembang", "Berkembang", "Cakap", "Mahir", "Copies an example"]:
        assert text in page
    assert client.post(url, {"scale": "k2025"}).status_code == 302
    assert ClubRubric.objects.get(school=program.school).scale == "k2025"
    assert client.post(url, {"scale": "p5"}).status_code == 302  # changes freely until the first assessment
    assert ClubRubric.objects.get().scale == "p5"
    assert "scale" in client.post(url, {"scale": "p6"}).context["form"].errors


def test_the_scale_is_locked_once_anyone_is_assessed(client, program, club, facilitator, teacher, students):
    client.force_login(teacher)
    client.post(_url(program, club), _scores(**{score_field_name(students[0].pk, "creativity"): "2"}))
    client.force_login(facilitator)
    url = reverse("projects:rubric", args=[program.pk])
    response = client.get(url)
    assert response.context["locked"] and response.context["form"].fields["scale"].disabled
    assert 'data-testid="rubric-locked"' in response.content.decode()
    response = client.post(url, {"scale": "k2025"})
    assert response.status_code == 200 and "can no longer change" in response.content.decode()
    assert not ClubRubric.objects.exists()


def test_the_clubs_list_links_the_rubric_for_those_who_may(client, program, facilitator, teacher):
    url = reverse("projects:rubric", args=[program.pk])
    client.force_login(facilitator)
    assert url in client.get(reverse("projects:index", args=[program.pk])).content.decode()
    client.force_login(teacher)
    assert url not in client.get(reverse("projects:index", args=[program.pk])).content.decode()


def test_the_assess_screen_costs_the_same_with_more_members(
    client, program, facilitator, students, django_assert_num_queries
):
    """3 (session, user, program) + the club, its mentors, the school's scale, its members, the phase's scores."""
    client.force_login(facilitator)
    small = ClubFactory(program=program, members=students[:1])
    big = ClubFactory(program=program, members=students)
    SkillAssessment.objects.create(
        club=big, person=students[0], phase="baseline", skill="creativity", score=2, scale="p5", level_code="MB"
    )
    for club in (small, big):
        with django_assert_num_queries(8):
            client.get(_url(program, club))


def test_a_clash_with_another_mentor_saving_at_the_same_moment_keeps_the_scores_on_the_form(
    client, program, club, teacher, students, monkeypatch
):
    """Two mentors saving a first score of the same cell at once: the unique constraint refuses the second, whose
    scores all roll back and are shown again to save — not a server error."""
    from django.db import IntegrityError

    from projects import assessments

    def clash(**kwargs):
        raise IntegrityError("UNIQUE constraint failed")

    monkeypatch.setattr(assessments, "club_assessments_save", clash)
    client.force_login(teacher)
    cell = score_field_name(students[0].pk, "creativity")
    response = client.post(_url(program, club), _scores(**{cell: "3"}))
    assert response.status_code == 200 and "at the same moment" in response.content.decode()
    assert response.context["form"][cell].value() == "3"
    assert not SkillAssessment.objects.exists()
