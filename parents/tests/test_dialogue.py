"""Dialogue notes on a class (experience, obstacle, hope), and the summary of every class's notes."""

from django.urls import reverse

from komunitas.models import Participant, PersonKind
from komunitas.testing import form_values, make_member
from komunitas.tests.factories import SessionFactory
from parents.models import PARENT_CLASS, DialogueNote
from parents.tests.factories import DialogueNoteFactory, ParentClassFactory, ParentFactory


def test_a_teacher_adds_a_note_by_a_parent_on_the_class_theme(client, program, teacher, parents):
    record = ParentClassFactory(session__program=program, theme="digital")
    client.force_login(teacher)
    url = reverse("parents:note_create", args=[program.pk, record.pk])
    data = form_values(client.get(url).content.decode())
    assert data["theme"] == "digital"  # what the class was about, unless changed
    data.update(tag="obstacle", text="Anak <b>main gawai</b> 🙈 sampai larut.", parent=parents[0].pk)
    response = client.post(url, data)
    note = DialogueNote.objects.get()
    assert response.url == reverse("parents:detail", args=[program.pk, record.pk])
    assert (note.tag, note.theme, note.parent, note.created_by) == ("obstacle", "digital", parents[0], teacher)
    page = client.get(response.url).content.decode()
    assert "Anak &lt;b&gt;main gawai&lt;/b&gt; 🙈" in page and "Ibu Sari" in page


def test_bad_input_is_refused(client, program, teacher, parents, outsider):
    record = ParentClassFactory(session__program=program)
    elsewhere = ParentFactory(school=outsider.person.school)
    not_in_program = ParentFactory(school=program.school)
    client.force_login(teacher)
    url = reverse("parents:note_create", args=[program.pk, record.pk])
    cases = [
        ({"tag": "", "text": "x"}, "tag"),
        ({"tag": "wish", "text": "x"}, "tag"),
        ({"tag": "hope", "text": ""}, "text"),
        ({"tag": "hope", "text": "x" * 2001}, "text"),
        ({"tag": "hope", "text": "x", "theme": "nonsense"}, "theme"),
        ({"tag": "hope", "text": "x", "parent": elsewhere.pk}, "parent"),
        ({"tag": "hope", "text": "x", "parent": not_in_program.pk}, "parent"),
        ({"tag": "hope", "text": "x", "parent": teacher.person.pk}, "parent"),
    ]
    for data, field in cases:
        response = client.post(url, data)
        assert response.status_code == 200 and field in response.context["form"].errors, data
    assert not DialogueNote.objects.exists()


def test_a_note_is_edited_and_deleted(client, world):
    program, session, note = world["program"], world["teacher_parent_session"], world["teacher_note"]
    client.force_login(world["users"]["teacher"])
    url = reverse("parents:note_edit", args=[program.pk, session.pk, note.pk])
    data = form_values(client.get(url).content.decode())
    data.update(tag="experience", text="Kami belajar bersama.")
    assert client.post(url, data).status_code == 302
    note.refresh_from_db()
    assert (note.tag, note.text) == ("experience", "Kami belajar bersama.")
    response = client.post(reverse("parents:note_delete", args=[program.pk, session.pk, note.pk]))
    assert response.url == reverse("parents:detail", args=[program.pk, session.pk])
    assert not DialogueNote.objects.filter(pk=note.pk).exists()


def test_a_teacher_outside_the_program_writes_notes_without_naming_parents(client, world):
    """A teacher of the school who does not take part may log, but not see parents' names: no parent field, and
    the parent a note already has stays."""
    program, session = world["program"], world["parent_session"]
    guest = make_member("guru-lain", program.school, "teacher", PersonKind.TEACHER)
    note = DialogueNoteFactory(session=session, parent=world["parents"][0], created_by=guest)
    client.force_login(guest)
    response = client.get(reverse("parents:note_create", args=[program.pk, session.pk]))
    assert "parent" not in response.context["form"].fields and "Ibu Sari" not in response.content.decode()
    url = reverse("parents:note_edit", args=[program.pk, session.pk, note.pk])
    data = form_values(client.get(url).content.decode())
    data["text"] = "Diubah."
    client.post(url, data)
    note.refresh_from_db()
    assert note.text == "Diubah." and note.parent == world["parents"][0]


def test_the_summary_groups_by_tag_then_theme(client, world):
    program, session, teacher_session = world["program"], world["parent_session"], world["teacher_parent_session"]
    DialogueNote.objects.all().delete()
    DialogueNoteFactory(session=session, tag="experience", theme="digital", text="Pengalaman gawai")
    DialogueNoteFactory(session=teacher_session, tag="experience", theme="digital", text="Pengalaman gawai 2")
    DialogueNoteFactory(session=session, tag="experience", theme="", text="Pengalaman lain")
    DialogueNoteFactory(session=teacher_session, tag="hope", theme="motivation", text="Harapan motivasi")
    client.force_login(world["users"]["district_officer"])
    url = reverse("parents:dialogue", args=[program.pk])
    response = client.get(url)
    groups = response.context["groups"]
    assert [(g.tag, g.count) for g in groups] == [("experience", 3), ("obstacle", 0), ("hope", 1)]
    experience = groups[0]
    assert [(str(t.label), len(t.notes)) for t in experience.themes] == [
        ("Parenting in the digital era", 2),
        ("No theme", 1),
    ]
    assert response.context["note_count"] == 4 and "None recorded." in response.content.decode()
    assert client.get(url, {"tag": "hope"}).context["note_count"] == 1
    assert client.get(url, {"theme": "digital"}).context["note_count"] == 2
    assert client.get(url, {"session": teacher_session.pk}).context["note_count"] == 2
    assert client.get(url, {"session": "99999999999999999999"}).context["note_count"] == 4  # ignored


def test_the_summary_leaves_out_other_programs_and_kinds(client, world, outsider):
    from komunitas.models import Program

    other = Program.objects.get(name="Program lain")
    DialogueNoteFactory(session=SessionFactory(program=other, kind=PARENT_CLASS), text="Di program lain")
    client.force_login(world["users"]["facilitator"])
    response = client.get(reverse("parents:dialogue", args=[world["program"].pk]))
    assert response.context["note_count"] == 2 and "Di program lain" not in response.content.decode()


def test_the_summary_says_what_to_do_when_empty(client, program, facilitator):
    client.force_login(facilitator)
    page = client.get(reverse("parents:dialogue", args=[program.pk])).content.decode()
    assert "No dialogue notes yet." in page
    page = client.get(reverse("parents:dialogue", args=[program.pk]), {"tag": "hope"}).content.decode()
    assert "No dialogue note matches these filters." in page


def test_a_parent_who_left_stays_on_their_note(client, world):
    program, session, note = world["program"], world["parent_session"], world["note"]
    Participant.objects.filter(person=note.parent).delete()
    client.force_login(world["users"]["facilitator"])
    url = reverse("parents:note_edit", args=[program.pk, session.pk, note.pk])
    assert client.post(url, form_values(client.get(url).content.decode())).status_code == 302
    note.refresh_from_db()
    assert note.parent == world["parents"][0]
