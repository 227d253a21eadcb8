"""Staff accounts: facilitators and principals invite by e-mail, change roles and revoke access — and archiving
a member of staff ends their access to the school, the calendar link included."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.http import HttpRequest
from django.urls import reverse

from komunitas import services
from komunitas.models import Membership, Person, PersonKind

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def url(program):
    return reverse("staff_invite", args=[program.pk])


def test_an_invited_teacher_chooses_a_password_and_signs_in(client, program, principal, url):
    client.force_login(principal)
    response = client.post(url, {"full_name": "Siti Aminah", "email": "Siti.Aminah@sekolah.sch.id", "role": "teacher"})
    assert response.status_code == 302
    user = get_user_model().objects.get(email="siti.aminah@sekolah.sch.id")
    assert (user.username, user.has_usable_password()) == ("sitiaminah", False)
    assert Membership.objects.get(user=user).role == "teacher"
    assert Person.objects.get(user=user).kind == PersonKind.TEACHER
    (message,) = mail.outbox
    assert message.to == ["siti.aminah@sekolah.sch.id"] and "sitiaminah" in message.body
    link = re.search(r"http://testserver(/accounts/reset/\S+)", message.body).group(1)

    client.logout()
    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    new_password = "kelas-delapan-hebat"
    response = client.post(set_url, {"new_password1": new_password, "new_password2": new_password})
    assert response.status_code == 302
    assert client.login(request=HttpRequest(), username="sitiaminah", password=new_password)
    assert client.get(program.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(link, follow=True).context["validlink"] is False  # the link works once


def test_an_invitation_links_the_account_to_someone_on_the_roster(client, program, facilitator, url):
    budi = Person.objects.create(school=program.school, name="Budi Santoso", kind=PersonKind.TEACHER)
    client.force_login(facilitator)
    client.post(url, {"full_name": "Budi Santoso", "email": "budi@x.id", "role": "teacher", "person": budi.pk})
    budi.refresh_from_db()
    assert budi.user.email == "budi@x.id" and Person.objects.filter(name="Budi Santoso").count() == 1


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"full_name": "", "email": "a@b.id", "role": "teacher"}, "full_name", "This field is required."),
        ({"full_name": "A", "email": "not-an-address", "role": "teacher"}, "email", "Enter a valid email address."),
        ({"full_name": "A", "email": "guru01@example.org", "role": "teacher"}, "email", "has access to this school"),
        ({"full_name": "A", "email": "a@b.id", "role": "admin"}, "role", "Select a valid choice."),
        ({"full_name": "A", "email": "a@b.id", "role": "teacher", "person": "99999999999999999999"}, "person", "valid"),
    ],
)
def test_bad_invitations_are_refused_next_to_the_field(
    client, program, facilitator, teacher, url, data, field, message
):
    teacher.email = "guru01@example.org"
    teacher.save()
    client.force_login(facilitator)
    response = client.post(url, data)
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    assert not mail.outbox


def test_a_role_changes_and_access_is_revoked(client, program, principal, teacher):
    membership = teacher.memberships.get()
    client.force_login(principal)
    client.post(reverse("staff_role", args=[program.pk, membership.pk]), {f"m{membership.pk}-role": "facilitator"})
    assert Membership.objects.get(pk=membership.pk).role == "facilitator"
    assert teacher.person.__class__.objects.get(pk=teacher.person.pk).kind == "facilitator"  # the roster follows
    revoke = reverse("staff_revoke", args=[program.pk, membership.pk])
    assert "calendar link stops working" in client.get(revoke).content.decode()
    client.post(revoke)
    teacher.refresh_from_db()
    assert not teacher.memberships.exists() and not teacher.is_active  # no school left: switched off
    client.force_login(teacher)
    assert client.get(program.get_absolute_url()).status_code == 302  # an inactive account is signed out


def test_nobody_changes_or_revokes_their_own_access(client, program, facilitator):
    own = facilitator.memberships.get()
    client.force_login(facilitator)
    client.post(reverse("staff_role", args=[program.pk, own.pk]), {f"m{own.pk}-role": "teacher"})
    client.post(reverse("staff_revoke", args=[program.pk, own.pk]))
    assert Membership.objects.get(pk=own.pk).role == "facilitator"


def test_archiving_a_member_of_staff_ends_their_access_and_their_calendar_link(client, program, facilitator, teacher):
    from komunitas.tests.factories import AttendanceFactory, SessionFactory

    client.force_login(teacher)
    feed = client.get(reverse("schedule", args=[program.pk])).context["feed_url"].replace("http://testserver", "")
    assert client.get(feed).status_code == 200
    AttendanceFactory(session=SessionFactory(program=program), person=teacher.person)  # history: archived
    assert services.person_remove(person=teacher.person) == "archived"
    client.logout()
    assert client.get(feed).status_code == 404
    client.force_login(teacher)
    assert client.get(program.get_absolute_url()).status_code in (302, 404)


def test_only_the_principal_appoints_or_removes_those_who_manage(client, program, principal, facilitator, url):
    """A facilitator manages teachers' access; the principal (or an administrator) that of facilitators and
    the principal — nobody their own."""
    client.force_login(facilitator)
    assert [value for value, _label in client.get(url).context["form"].fields["role"].choices] == ["teacher"]
    response = client.post(url, {"full_name": "Baru", "email": "baru@x.id", "role": "facilitator"})
    assert "role" in response.context["form"].errors
    principal_membership = principal.memberships.get()
    role_url = reverse("staff_role", args=[program.pk, principal_membership.pk])
    assert client.post(role_url, {f"m{principal_membership.pk}-role": "teacher"}).status_code == 403
    revoke_url = reverse("staff_revoke", args=[program.pk, principal_membership.pk])
    assert client.post(revoke_url).status_code == 403
    # Nor by removing the principal's person from the roster.
    client.post(reverse("person_delete", args=[program.pk, principal.person.pk]))
    assert principal.memberships.exists() and not Person.objects.get(pk=principal.person.pk).archived
    client.force_login(principal)
    assert client.post(role_url, {f"m{principal_membership.pk}-role": "teacher"}).status_code == 403  # own
    own_facilitator = facilitator.memberships.get()
    response = client.post(
        reverse("staff_role", args=[program.pk, own_facilitator.pk]), {f"m{own_facilitator.pk}-role": "teacher"}
    )
    assert response.status_code == 302 and Membership.objects.get(pk=own_facilitator.pk).role == "teacher"


def test_a_revoked_teacher_is_invited_again_and_takes_part(client, program, principal, teacher, url):
    teacher.email = "guru01@sekolah.id"
    teacher.save()
    services.staff_revoke(user=teacher, school=program.school)
    client.force_login(principal)
    response = client.post(url, {"full_name": "Guru Satu", "email": "GURU01@sekolah.id", "role": "teacher"})
    assert response.status_code == 302
    teacher.refresh_from_db()
    assert teacher.is_active and teacher.memberships.get().role == "teacher"  # the same account, back
    assert get_user_model().objects.filter(email__iexact="guru01@sekolah.id").count() == 1
    assert program.participants.current().filter(person__user=teacher).exists()


def test_removing_a_staff_person_without_history_ends_their_access(client, program, facilitator, teacher):
    from komunitas.models import Participant

    Participant.objects.filter(person=teacher.person).delete()  # never took part: deleted, not archived
    client.force_login(facilitator)
    url = reverse("person_delete", args=[program.pk, teacher.person.pk])
    assert "loses its access to this school" in client.get(url).context["warning"]
    client.post(url)
    assert not Person.objects.filter(pk=teacher.person.pk).exists() and not teacher.memberships.exists()


def test_a_switched_off_account_is_told_so_when_signing_in(client, program, teacher):
    services.staff_revoke(user=teacher, school=program.school)
    response = client.post(reverse("login"), {"username": "guru01", "password": "pw-komunitas-123"})
    assert "no access any more" in response.content.decode()
    wrong = client.post(reverse("login"), {"username": "guru01", "password": "salah"})
    assert "not right" in wrong.content.decode()


def test_an_invited_teacher_without_a_password_can_ask_for_a_new_link(client, program, principal, url):
    client.force_login(principal)
    client.post(url, {"full_name": "Rina", "email": "rina@x.id", "role": "teacher"})
    client.logout()
    mail.outbox.clear()
    client.post(reverse("password_reset"), {"email": "rina@x.id"})
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["rina@x.id"]


def test_an_invitation_is_sent_again_and_a_failed_mail_is_said(client, program, principal, url, settings):
    client.force_login(principal)
    settings.EMAIL_BACKEND = "komunitas.tests.test_staff.FailingBackend"
    response = client.post(url, {"full_name": "Budi", "email": "budi@x.id", "role": "teacher"}, follow=True)
    assert "could not be sent" in response.content.decode()
    membership = Membership.objects.get(user__email="budi@x.id")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    client.post(reverse("staff_resend", args=[program.pk, membership.pk]))
    assert [message.to for message in mail.outbox] == [["budi@x.id"]]


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP down")
