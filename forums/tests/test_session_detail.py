"""A forum session's page shows everything about it; its minutes print with the attendance list."""

import pytest
from django.urls import reverse

from forums.tests.factories import FollowUpFactory, ForumSessionFactory, PeerFeedbackFactory, ReflectionFactory
from komunitas.tests.factories import AttendanceFactory


@pytest.fixture
def forum(program, facilitator, teacher, other_teacher, teachers):
    forum = ForumSessionFactory(
        session__program=program,
        session__title="Jigsaw di kelas besar",
        session__created_by=teacher,
        session__place="Ruang guru",
        session__facilitator=facilitator.person,
        presenters=[teacher.person],
        notetaker=teachers[2],
        agenda="Paparan; diskusi",
        opening="Dibuka kepala sekolah",
    )
    FollowUpFactory(forum=forum, action="Mencoba jigsaw", responsible="Semua guru")
    for person in teachers[:4]:
        AttendanceFactory(session=forum.session, person=person)
    AttendanceFactory(session=forum.session, person=teachers[4], status="absent")
    PeerFeedbackFactory(
        forum=forum,
        presenter=teacher.person,
        author=other_teacher.person,
        anonymous=True,
        went_well="Rahasia tapi jelas",
        created_by=other_teacher,
    )
    PeerFeedbackFactory(forum=forum, presenter=teacher.person, author=teachers[2], went_well="Terbuka")
    ReflectionFactory(forum=forum, author=teachers[3], learned="Peran dalam kelompok penting")
    return forum


def _detail(client, forum):
    return client.get(reverse("forums:detail", args=[forum.session.program_id, forum.pk]))


def test_it_shows_everything_about_the_session(client, principal, forum):
    client.force_login(principal)
    html = _detail(client, forum).content.decode()
    for text in [
        "Jigsaw di kelas besar",
        "Small-group discussion",
        "Teaching strategy",
        "Ruang guru",
        "Guru01",
        "Fasilitator",
        "Siti Aminah",
        "Paparan; diskusi",
        "<li>Bagi materi</li>",
        "Mencoba jigsaw",
        "4 present, 1 absent, 0 excused",
        "Terbuka",
        "Rahasia tapi jelas",
        "Peran dalam kelompok penting",
    ]:
        assert text in html, text
    assert "Give feedback" not in html and "Write my reflection" not in html  # principals read


def test_anonymous_feedback_hides_its_author_from_the_presenter(client, teacher, forum):
    client.force_login(teacher)
    html = _detail(client, forum).content.decode()
    assert "Anonymous to Guru01" in html
    assert "Guru02 to Guru01" not in html


def test_anonymous_feedback_never_hides_its_author_from_the_facilitator(client, facilitator, forum):
    client.force_login(facilitator)
    assert "Guru02 to Guru01" in _detail(client, forum).content.decode()


def test_the_author_of_anonymous_feedback_sees_it_is_theirs(client, other_teacher, forum):
    client.force_login(other_teacher)
    html = _detail(client, forum).content.decode()
    assert "Guru02 to Guru01" in html and "anonymous to the presenter" in html


def test_an_attendee_is_offered_feedback_and_reflection(client, other_teacher, facilitator, forum):
    client.force_login(other_teacher)  # present (teachers[1])
    html = _detail(client, forum).content.decode()
    assert "Give feedback to a presenter" in html and "Write my reflection" in html
    client.force_login(facilitator)  # not present: no feedback button
    html = _detail(client, forum).content.decode()
    assert "Give feedback to a presenter" not in html and "Write my reflection" in html


def test_the_minutes_have_the_schools_fields_and_the_attendance_list(client, district_officer, program, forum):
    client.force_login(district_officer)
    response = client.get(reverse("forums:notulen", args=[program.pk, forum.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Minutes of the meeting",
        "Activity",
        "Day, date",
        "Time",
        "Place",
        "Number of participants",
        "4 people",
        "Agenda",
        "Opening",
        "Dibuka kepala sekolah",
        "Moderator / guide",
        "Fasilitator",
        "Speakers",
        "Guru01 (Matematika)",
        "Note-taker",
        "Siti Aminah",
        "Proceedings / main points",
        "Conclusion",
        "Follow-up plan (RTL)",
        "Person responsible",
        "Deadline",
        "Mencoba jigsaw",
    ]:
        assert text in html, text
    # The core's daftar hadir follows: every forum participant with a signature column.
    assert "Attendance list" in html and "Signature" in html
    assert html.count('class="signature"') == 5


# The forum's session page is built from the core's shared pieces (komunitas.selectors.session_page and the
# includes in templates/includes/session/), so the rules of every session page hold here too.


def _photo(forum, user, people=()):
    from komunitas import services
    from komunitas.testing import jpeg_bytes
    from komunitas.uploads import CleanFile

    return services.attachment_add(
        session=forum.session,
        clean=CleanFile(jpeg_bytes(), "image/jpeg", "jpg"),
        original_name="kelas.jpg",
        caption="Diskusi kelompok",
        people=list(people),
        user=user,
    )


def test_the_owner_of_a_held_session_is_not_offered_a_delete_that_is_refused(client, teacher, program, forum):
    client.force_login(teacher)  # created it; it was held, so only the facilitator may delete it
    delete_url = reverse("session_delete", args=[program.pk, forum.pk])
    assert delete_url not in _detail(client, forum).content.decode()
    assert delete_url not in client.get(reverse("forums:edit", args=[program.pk, forum.pk])).content.decode()
    assert client.post(delete_url).status_code == 302 and forum.session.__class__.objects.filter(pk=forum.pk).exists()


def test_the_facilitator_is_offered_delete(client, facilitator, program, forum):
    client.force_login(facilitator)
    assert reverse("session_delete", args=[program.pk, forum.pk]) in _detail(client, forum).content.decode()


def test_whoever_uploaded_a_file_may_delete_it_from_the_forum_page(client, other_teacher, teacher, program, forum):
    photo = _photo(forum, other_teacher)
    delete_url = reverse("attachment_delete", args=[program.pk, photo.pk])
    client.force_login(other_teacher)  # not the session's owner, but the photo's
    assert delete_url in _detail(client, forum).content.decode()
    client.force_login(teacher)  # the session's owner did not upload it
    assert delete_url not in _detail(client, forum).content.decode()


def test_a_photo_without_consent_is_marked_for_staff_and_hidden_from_the_district(
    client, principal, district_officer, teacher, program, forum
):
    from komunitas.tests.factories import StudentFactory

    student = StudentFactory(school=program.school, consents=[])
    photo = _photo(forum, teacher, people=[student])
    client.force_login(principal)
    html = _detail(client, forum).content.decode()
    assert "without consent for staff pages" in html and photo.get_absolute_url() in html
    client.force_login(district_officer)
    assert photo.get_absolute_url() not in _detail(client, forum).content.decode()


def test_attendance_taken_from_the_forum_page_comes_back_to_it(client, facilitator, program, forum, teachers):
    client.force_login(facilitator)
    forum_url = reverse("forums:detail", args=[program.pk, forum.pk])
    attendance_url = reverse("attendance_edit", args=[program.pk, forum.pk])
    assert attendance_url in _detail(client, forum).content.decode()
    page = client.get(attendance_url).content.decode()
    assert f'href="{forum_url}"' in page  # breadcrumb and Cancel
    assert client.post(attendance_url, {f"p{teachers[4].pk}": "present"}).url == forum_url


def test_teachers_add_photos_from_the_forum_page_and_come_back_to_it(client, other_teacher, program, forum):
    from komunitas.testing import jpeg

    client.force_login(other_teacher)
    add_url = reverse("attachment_add", args=[program.pk, forum.pk])
    assert add_url in _detail(client, forum).content.decode()
    response = client.post(add_url, {"file": jpeg(), "caption": "Diskusi"})
    assert response.url == reverse("forums:detail", args=[program.pk, forum.pk])
    assert forum.session.attachments.get().caption == "Diskusi"
