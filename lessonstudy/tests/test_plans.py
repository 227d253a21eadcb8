"""The lesson plan: every save a new version, the version conflict (nothing overwritten), the history, the
comparison of two versions, and the plan's files."""

from django.urls import reverse

from komunitas.testing import exe, form_values, pdf
from lessonstudy import services
from lessonstudy.models import PlanFile, PlanVersion
from lessonstudy.plan_diff import compare_steps, word_diff
from lessonstudy.tests.factories import STEPS, PlanVersionFactory


def _url(name, world, *args):
    return reverse(f"lessonstudy:{name}", args=[world["program"].pk, *args])


def _plan_form(client, world, cycle):
    return form_values(client.get(_url("plan", world, cycle.pk)).content.decode(), "plan-form")


def test_saving_adds_a_version_and_never_changes_one(client, world):
    cycle = world["cycle"]
    client.force_login(world["users"]["teacher"])
    data = _plan_form(client, world, cycle)
    assert data["base"] == "1" and data["steps-0-activity"] == STEPS[0]["activity"]
    assert data["steps-TOTAL_FORMS"] == "5"  # two rows and three empty ones
    data |= {"steps-2-activity": "Refleksi bersama", "steps-2-minutes": "10", "note": "Tambah refleksi"}
    response = client.post(_url("plan", world, cycle.pk), data)
    assert response.status_code == 302 and response.url == cycle.get_absolute_url()
    first, second = cycle.plan_versions.order_by("number")
    assert first.steps == STEPS and len(second.steps) == 3 and second.number == 2
    assert second.steps[2] == {"activity": "Refleksi bersama", "minutes": 10, "anticipated": "", "observe": ""}
    assert second.note == "Tambah refleksi" and second.saved_by == world["users"]["teacher"]


def test_the_first_version_and_emptied_rows(client, world):
    cycle = world["teacher_cycle"]
    client.force_login(world["users"]["teacher"])
    data = _plan_form(client, world, cycle)
    assert data["base"] == "0"
    data |= {"objectives": "Siswa memahami", "steps-0-activity": "Pembuka", "steps-1-activity": "  "}
    assert client.post(_url("plan", world, cycle.pk), data).status_code == 302
    version = cycle.plan_versions.get()
    assert version.number == 1 and [step["activity"] for step in version.steps] == ["Pembuka"]


def test_a_save_from_an_outdated_version_is_refused_and_keeps_its_text(client, world):
    """Two teachers open version 1; the facilitator saves first (version 2); the teacher's save is refused with
    a clear message, their text stays on the form, nothing is overwritten; saving again makes theirs version 3."""
    cycle = world["cycle"]
    facilitator, teacher = world["users"]["facilitator"], world["users"]["teacher"]
    client.force_login(teacher)
    theirs = _plan_form(client, world, cycle) | {"steps-1-activity": "Diskusi kelompok dengan kartu soal"}
    client.force_login(facilitator)
    first = _plan_form(client, world, cycle) | {"objectives": "Tujuan baru dari fasilitator"}
    assert client.post(_url("plan", world, cycle.pk), first).status_code == 302

    client.force_login(teacher)
    response = client.post(_url("plan", world, cycle.pk), theirs)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Someone saved a newer version of this plan (version 2) while you were editing version 1" in page
    assert "Diskusi kelompok dengan kartu soal" in page  # their text kept
    assert _url("plan_compare", world, cycle.pk) + "?a=1&amp;b=2" in page
    assert cycle.plan_versions.count() == 2
    assert cycle.plan_versions.get(number=2).objectives == "Tujuan baru dari fasilitator"  # not overwritten

    again = form_values(page, "plan-form")
    assert again["base"] == "2" and again["steps-1-activity"] == "Diskusi kelompok dengan kartu soal"
    assert client.post(_url("plan", world, cycle.pk), again).status_code == 302
    assert cycle.plan_versions.get(number=3).steps[1]["activity"] == "Diskusi kelompok dengan kartu soal"


def test_two_saves_at_the_same_moment_are_one_version_and_one_conflict(world, monkeypatch):
    """Where the database does not lock the cycle's row, both saves read version 1 as the newest; the unique
    (cycle, number) lets the first in and turns the second into the same conflict."""
    cycle = world["cycle"]
    PlanVersionFactory(cycle=cycle, number=2, objectives="Saved a moment earlier")
    reads = iter([1])
    real = services._latest_number
    monkeypatch.setattr(services, "_latest_number", lambda c: next(reads, None) or real(c))
    content = {"objectives": "Mine", "steps": [], "materials": "", "observer_guidance": "", "note": ""}
    try:
        services.plan_save(cycle=cycle, base=1, content=content, user=world["users"]["teacher"])
    except services.PlanConflict as conflict:
        assert conflict.latest == 2
    else:
        raise AssertionError("the second save went through")
    assert list(cycle.plan_versions.values_list("objectives", flat=True)) == [
        PlanVersion.objects.get(cycle=cycle, number=1).objectives,
        "Saved a moment earlier",
    ]


def test_an_unchanged_plan_is_not_saved_again(client, world):
    cycle = world["cycle"]
    client.force_login(world["users"]["teacher"])
    response = client.post(_url("plan", world, cycle.pk), _plan_form(client, world, cycle))
    assert "Nothing changed since version 1: nothing was saved." in response.content.decode()
    assert cycle.plan_versions.count() == 1


def test_bad_rows_are_refused(client, world):
    cycle = world["cycle"]
    client.force_login(world["users"]["teacher"])
    data = _plan_form(client, world, cycle)
    cases = [
        ({"steps-2-minutes": "15"}, "Describe the activity of this row"),
        ({"steps-0-minutes": "999"}, "less than or equal to 600"),
        ({"steps-0-minutes": "-5"}, "greater than or equal to 0"),
        ({"steps-TOTAL_FORMS": "200"}, "Please submit at most 33 forms."),
        ({"steps-TOTAL_FORMS": "x"}, "ManagementForm data is missing or has been tampered with"),
        ({"base": ""}, "The form arrived incomplete"),
    ]
    for changes, message in cases:
        response = client.post(_url("plan", world, cycle.pk), data | changes)
        assert response.status_code == 200 and message in response.content.decode(), changes
    assert cycle.plan_versions.count() == 1


def test_the_history_lists_every_version(client, world):
    cycle = world["cycle"]
    PlanVersionFactory(cycle=cycle, number=2, note="Waktu diskusi ditambah", saved_by=world["users"]["teacher"])
    client.force_login(world["users"]["district_officer"])
    response = client.get(_url("plan_versions", world, cycle.pk))
    assert [version.number for version in response.context["versions"]] == [2, 1]
    page = response.content.decode()
    assert "Waktu diskusi ditambah" in page and "?a=1&amp;b=2" in page


def test_the_comparison_marks_a_changed_word_and_row(client, world):
    cycle = world["cycle"]
    steps = [dict(step) for step in STEPS]
    steps[1]["activity"] = "Diskusi kelompok kartu soal"
    steps.append({"activity": "Refleksi", "minutes": 5, "anticipated": "", "observe": ""})
    PlanVersionFactory(cycle=cycle, number=2, steps=steps, objectives="Siswa dapat memeriksa persamaan linear.")
    client.force_login(world["users"]["teacher"])
    response = client.get(_url("plan_compare", world, cycle.pk), {"a": 1, "b": 2})
    page = response.content.decode()
    assert '<del><span class="visually-hidden">removed: </span>menyelesaikan</del>' in page
    assert '<ins><span class="visually-hidden">added: </span>memeriksa</ins>' in page
    assert '<del><span class="visually-hidden">removed: </span>LKPD</del>' in page
    assert '<ins><span class="visually-hidden">added: </span>kartu soal</ins>' in page
    assert [row.status for row in response.context["rows"]] == ["same", "changed", "added"]
    assert client.get(_url("plan_compare", world, cycle.pk)).context["new"].number == 2  # the two newest
    assert client.get(_url("plan_compare", world, cycle.pk), {"a": "x", "b": "1e9"}).status_code == 200
    assert client.get(_url("plan_compare", world, cycle.pk), {"a": 7}).status_code == 404


def test_words_and_rows_are_compared_in_order():
    left, right = word_diff("<b>satu</b> dua tiga", "<b>satu</b> empat tiga")
    assert "&lt;b&gt;satu&lt;/b&gt;" in left  # escaped
    assert "dua</del>" in left and "empat</ins>" in right and "tiga" in right
    old = [{"activity": "A"}, {"activity": "B"}, {"activity": "C"}]
    new = [{"activity": "A"}, {"activity": "X"}, {"activity": "B"}, {"activity": "C", "minutes": 5}]
    assert [(row.status, row.left_number, row.right_number) for row in compare_steps(old, new)] == [
        ("same", 1, 1),
        ("added", None, 2),
        ("same", 2, 3),
        ("changed", 3, 4),
    ]
    assert [row.status for row in compare_steps(old, [])] == ["removed"] * 3


def test_files_are_checked_served_and_deleted(client, world):
    cycle = world["teacher_cycle"]
    client.force_login(world["users"]["teacher"])
    url = _url("plan_file_create", world, cycle.pk)
    response = client.post(url, {"file": exe(), "caption": "RPP"})
    assert "Upload a photo or a PDF" in response.content.decode()
    assert client.post(url, {"file": pdf("rpp-siklus.pdf"), "caption": "RPP"}).status_code == 302
    added = PlanFile.objects.get(caption="RPP")
    assert added.original_name == "rpp-siklus.pdf" and added.uploaded_by == world["users"]["teacher"]
    response = client.get(_url("plan_file", world, cycle.pk, added.pk))
    assert response["Content-Type"] == "application/pdf" and b"".join(response).startswith(b"%PDF-")
    assert "attachment" in response["Content-Disposition"]
    delete = _url("plan_file_delete", world, cycle.pk, added.pk)
    assert "Its file is removed too." in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302 and not PlanFile.objects.filter(pk=added.pk).exists()
    # a file of another cycle is not found below this one
    other = world["plan_file"]
    assert client.get(_url("plan_file", world, cycle.pk, other.pk)).status_code == 404
