"""The cycles: the list with each cycle's stage, starting, editing, closing and deleting one, its page, and
starting the next cycle from one."""

from django.urls import reverse
from django.utils import timezone

from komunitas.models import Participant, Person, PersonKind, Program, Session
from komunitas.testing import form_values, make_member
from lessonstudy.models import Cycle, PlanVersion, Seat, Stage
from lessonstudy.selectors import stage_of
from lessonstudy.tests.factories import CycleFactory, OpenLessonFactory, ReflectionFactory


def _url(name, world, *args):
    return reverse(f"lessonstudy:{name}", args=[world["program"].pk, *args])


def _cycle_data(world, **changes):
    teacher = world["users"]["teacher"].person
    data = {
        "title": "Siklus 3",
        "subject": "Matematika",
        "class_name": "viii b",
        "topic": "Perbandingan",
        "model_teacher": teacher.pk,
        "team": [world["users"]["facilitator"].person.pk],
        "research_theme": "Bagaimana siswa bernalar?",
        "goals": "",
        "rows": "5",
        "columns": "6",
    }
    return {**data, **changes}


def test_the_stage_follows_what_was_recorded(world):
    """Plan until its open lesson is held (planned on the schedule is still Plan), Do until its reflection meeting
    is held, See until it is closed, then Done — the rule lessonstudy.metrics counts by too."""
    program = world["program"]
    cycle = CycleFactory(program=program, model_teacher=world["users"]["teacher"].person)
    assert stage_of(Cycle.objects.get(pk=cycle.pk)) == Stage.PLAN
    lesson = OpenLessonFactory(cycle=cycle, session__status="planned").session
    assert stage_of(Cycle.objects.get(pk=cycle.pk)) == Stage.PLAN
    Session.objects.filter(pk=lesson.pk).update(status="held")
    assert stage_of(Cycle.objects.get(pk=cycle.pk)) == Stage.DO
    ReflectionFactory(cycle=cycle, session__status="planned")
    assert stage_of(Cycle.objects.get(pk=cycle.pk)) == Stage.DO
    ReflectionFactory(cycle=cycle)
    assert stage_of(Cycle.objects.get(pk=cycle.pk)) == Stage.SEE
    Cycle.objects.filter(pk=cycle.pk).update(done_at=timezone.now())
    assert stage_of(Cycle.objects.get(pk=cycle.pk)) == Stage.DONE


def test_the_list_shows_stages_and_filters_by_stage_and_search(client, world):
    client.force_login(world["users"]["teacher"])
    teacher = world["cycle"].model_teacher
    CycleFactory(program=world["program"], title="Siklus IPA", subject="IPA", model_teacher=teacher)
    response = client.get(_url("index", world))
    stages = {cycle.title: cycle.stage for cycle in response.context["page"].object_list}
    assert stages == {world["cycle"].title: "see", world["teacher_cycle"].title: "see", "Siklus IPA": "plan"}
    assert "Stage: See" in response.content.decode()
    response = client.get(_url("index", world), {"stage": "see"})
    assert {cycle.pk for cycle in response.context["page"].object_list} == {
        world["cycle"].pk,
        world["teacher_cycle"].pk,
    }
    response = client.get(_url("index", world), {"stage": "plan"})
    assert [cycle.title for cycle in response.context["page"].object_list] == ["Siklus IPA"]
    response = client.get(_url("index", world), {"q": "ipa"})
    assert [cycle.title for cycle in response.context["page"].object_list] == ["Siklus IPA"]
    response = client.get(_url("index", world), {"stage": "done", "q": "nothing"})
    assert "No cycle matches these filters." in response.content.decode()
    assert client.get(_url("index", world), {"stage": "9e99", "page": "x"}).status_code == 200


def test_the_list_has_pages_and_an_empty_state(client, world, program):
    client.force_login(world["users"]["teacher"])
    Cycle.objects.all().delete()
    assert "No lesson study cycles yet" in client.get(_url("index", world)).content.decode()
    CycleFactory.create_batch(21, program=program, model_teacher=world["users"]["teacher"].person)
    response = client.get(_url("index", world), {"page": 2})
    assert len(response.context["page"].object_list) == 1 and "Page 2 of 2" in response.content.decode()


def test_starting_a_cycle_normalises_the_class_and_puts_the_model_teacher_on_the_team(client, world):
    client.force_login(world["users"]["teacher"])
    response = client.post(_url("create", world), _cycle_data(world))
    cycle = Cycle.objects.get(title="Siklus 3")
    assert response.status_code == 302 and response.url == _url("plan", world, cycle.pk)
    assert cycle.class_name == "8B" and cycle.created_by == world["users"]["teacher"]
    teacher, facilitator = world["users"]["teacher"].person, world["users"]["facilitator"].person
    assert set(cycle.team.all()) == {teacher, facilitator}


def test_bad_input_is_refused_with_a_message(client, world, outsider):
    client.force_login(world["users"]["teacher"])
    school_teacher = make_member("guru-lain", world["program"].school, "teacher", PersonKind.TEACHER)
    cases = [
        ({"rows": "0"}, "rows", "greater than or equal to 1"),
        ({"columns": "13"}, "columns", "less than or equal to 12"),
        ({"rows": "x"}, "rows", "Enter a whole number."),
        ({"class_name": "kelas delapan"}, "class_name", "Use the grade and section, e.g. 7A."),
        ({"model_teacher": outsider.person.pk}, "model_teacher", "Choose one of the program's teachers."),
        ({"model_teacher": school_teacher.person.pk}, "model_teacher", "Choose one of the program's teachers."),
        ({"team": [outsider.person.pk]}, "team", "Only the program's teachers and facilitators"),
        ({"team": [school_teacher.person.pk]}, "team", "Only the program's teachers and facilitators"),
        ({"title": ""}, "title", "This field is required."),
    ]
    for changes, field, message in cases:
        response = client.post(_url("create", world), _cycle_data(world, **changes))
        assert response.status_code == 200, changes
        assert any(message in error for error in response.context["form"].errors[field]), changes
        assert 'value="Perbandingan"' in response.content.decode()  # the rest of the input stays
    assert not Cycle.objects.filter(title="Siklus 3").exists()


def test_editing_round_trips_and_refuses_shrinking_the_chart_under_its_seats(client, world):
    cycle = world["teacher_cycle"]
    client.force_login(world["users"]["teacher"])
    url = _url("edit", world, cycle.pk)
    data = form_values(client.get(url).content.decode())
    assert client.post(url, data).status_code == 302
    Seat.objects.create(cycle=cycle, row=5, column=2, label="S1")
    response = client.post(url, {**data, "cycle_version": "", "rows": "4"})
    assert "1 seats of the seating chart lie outside 4 × 6" in response.content.decode()
    cycle.refresh_from_db()
    assert cycle.rows == 5


def test_closing_and_reopening(client, world):
    client.force_login(world["users"]["facilitator"])
    cycle = world["cycle"]
    assert client.post(_url("close", world, cycle.pk)).status_code == 302
    cycle.refresh_from_db()
    assert cycle.done_at is not None
    assert "Stage: Done" in client.get(_url("detail", world, cycle.pk)).content.decode()
    client.post(_url("reopen", world, cycle.pk))
    cycle.refresh_from_db()
    assert cycle.done_at is None
    assert client.get(_url("close", world, cycle.pk)).status_code == 405  # no change on a GET


def test_deleting_keeps_the_sessions_on_the_schedule(client, world):
    client.force_login(world["users"]["facilitator"])
    cycle, session = world["cycle"], world["open_lesson"]
    url = _url("delete", world, cycle.pk)
    assert "stay on the schedule" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    assert not Cycle.objects.filter(pk=cycle.pk).exists()
    session.refresh_from_db()  # still there
    assert not PlanVersion.objects.filter(cycle_id=cycle.pk).exists()


def test_the_next_cycle_copies_the_plan_with_the_reflections_revisions(client, world):
    cycle = world["cycle"]
    Cycle.objects.filter(pk=cycle.pk).update(title="Siklus 1")
    cycle.refresh_from_db()
    reflection = world["reflection"].lesson_reflection
    reflection.revisions = "Beri waktu diskusi 10 menit lebih lama."
    reflection.save()
    client.force_login(world["users"]["teacher"])
    response = client.post(_url("next", world, cycle.pk))
    following = Cycle.objects.get(previous=cycle)
    assert response.url == _url("plan", world, following.pk)
    same = ["subject", "class_name", "topic", "model_teacher_id", "rows", "columns", "research_theme"]
    assert all(getattr(following, name) == getattr(cycle, name) for name in same)
    assert set(following.team.all()) == set(cycle.team.all())
    assert following.title == "Siklus 2"
    version = following.plan_versions.get()
    original = cycle.plan_versions.get()
    assert version.number == 1 and version.steps == original.steps and version.objectives == original.objectives
    assert version.observer_guidance.startswith(f"Revisions from the reflection of “{cycle.title}”")
    assert "Beri waktu diskusi 10 menit lebih lama." in version.observer_guidance
    assert cycle.title in version.note and following.created_by == world["users"]["teacher"]
    page = client.get(_url("detail", world, following.pk)).content.decode()
    assert "Beri waktu diskusi 10 menit lebih lama." in page and cycle.get_absolute_url() in page


def test_the_cycle_page_shows_stage_team_plan_and_prints_cleanly(client, world):
    client.force_login(world["users"]["facilitator"])
    cycle = world["cycle"]
    response = client.get(_url("detail", world, cycle.pk))
    page = response.content.decode()
    assert response.context["stage"] == Stage.SEE
    assert [step["current"] for step in response.context["steps"]] == [False, False, True, False]
    assert 'aria-current="step"' in page and "(current stage)" in page
    assert "Apersepsi: timbangan seimbang" in page and "Diskusi kelompok LKPD" in page
    assert "modul-ajar.pdf" in page and world["users"]["teacher"].person.name in page
    assert [r.pk for r in response.context["open_lessons"]] == [world["open_lesson"].pk]
    assert [r.pk for r in response.context["reflections"]] == [world["reflection"].pk]
    assert "data-print" in page and page.count("d-print-none") >= 3  # buttons and actions hidden in print


def test_cycles_of_another_program_are_not_found(client, world, outsider):
    own = Program.objects.get(name="Program lain")
    client.force_login(outsider)
    for name in ["detail", "edit", "delete", "plan", "plan_versions", "plan_compare", "plan_file_create"]:
        assert client.get(reverse(f"lessonstudy:{name}", args=[own.pk, world["cycle"].pk])).status_code == 404
    assert client.post(reverse("lessonstudy:next", args=[own.pk, world["cycle"].pk])).status_code == 404


def test_a_teacher_who_left_stays_the_model_teacher_when_editing(client, world):
    cycle = world["teacher_cycle"]
    Participant.objects.filter(person=cycle.model_teacher).update(left_on=timezone.localdate())
    client.force_login(world["users"]["teacher"])
    url = _url("edit", world, cycle.pk)
    assert client.post(url, form_values(client.get(url).content.decode())).status_code == 302
    assert Person.objects.get(pk=cycle.model_teacher_id) == Cycle.objects.get(pk=cycle.pk).model_teacher


def test_a_cycle_has_one_next_cycle_a_second_click_goes_to_it(client, world):
    client.force_login(world["users"]["teacher"])
    first = client.post(_url("next", world, world["cycle"].pk))
    following = Cycle.objects.get(previous=world["cycle"])
    again = client.post(_url("next", world, world["cycle"].pk))
    assert again.url == following.get_absolute_url() and Cycle.objects.filter(previous=world["cycle"]).count() == 1
    assert first.status_code == 302
    assert "Start the next cycle" not in client.get(_url("detail", world, world["cycle"].pk)).content.decode()


def test_a_closed_cycles_plan_is_kept_as_taught_until_it_is_reopened(client, world):
    client.force_login(world["users"]["facilitator"])
    client.post(_url("close", world, world["cycle"].pk))
    response = client.get(_url("plan", world, world["cycle"].pk))
    assert response.url == world["cycle"].get_absolute_url()
    assert "Revise the plan" not in client.get(_url("detail", world, world["cycle"].pk)).content.decode()
    client.post(_url("reopen", world, world["cycle"].pk))
    assert client.get(_url("plan", world, world["cycle"].pk)).status_code == 200
