"""Accounts for the roster's staff in one go (komunitas/staff_accounts.py): readable unique usernames, the role of
each person's kind, a one-time set-password link mailed or printed on the sign-in sheet."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from komunitas.models import Membership, Participant, Person, PersonKind
from komunitas.staff_accounts import staff_accounts_create, username_base
from komunitas.testing import settle, sign_in
from komunitas.tests.factories import SchoolFactory

pytestmark = pytest.mark.usefixtures("english")
User = get_user_model()
ORIGIN = "http://testserver"


def staff(program, name, kind=PersonKind.TEACHER, **fields):
    return Person.objects.create(school=program.school, name=name, kind=kind, **fields)


def create(program, people):
    return staff_accounts_create(school=program.school, people=people, program=program, origin=ORIGIN)


# --- the service ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "base"),
    [
        ("Siti Aminah", "siti.aminah"),
        ("Dra. Hj. Siti Nur Aminah, S.Pd.", "siti.aminah"),
        ("Suparman", "suparman"),
        ("Drs. H. Ahmad Yani, M.Pd", "ahmad.yani"),
        ("Ni Luh Ayu Wíranti", "ni.wiranti"),
        ("!!!", "guru"),
        ("", "guru"),
    ],
)
def test_a_username_is_made_from_the_name_without_titles(name, base):
    assert username_base(name) == base


def test_each_ticked_person_gets_an_account_in_the_role_of_their_kind(program):
    siti, siti_too = staff(program, "Siti Aminah"), staff(program, "Siti Aminah")
    head = staff(program, "Drs. Bambang Riyadi", PersonKind.PRINCIPAL)
    guide = staff(program, "Rina Marlina", PersonKind.FACILITATOR)
    created = create(program, [siti, siti_too, head, guide])
    assert sorted(account.user.username for account in created) == [
        "bambang.riyadi",
        "rina.marlina",
        "siti.aminah",
        "siti.aminah2",
    ]
    for person, role in [(siti, "teacher"), (siti_too, "teacher"), (head, "principal"), (guide, "facilitator")]:
        person.refresh_from_db()
        user = person.user
        assert user is not None and not user.has_usable_password()
        assert (
            Membership.objects.get(user=user).role == role
            and Membership.objects.get(user=user).school == program.school
        )
        assert Participant.objects.current().filter(program=program, person=person, role=person.kind).exists()
    assert {account.mailed for account in created} == {None}  # nobody has an e-mail: nothing sent


def test_someone_with_an_email_is_invited_by_mail_with_their_link(program, mailoutbox):
    budi = staff(program, "Budi Santoso", email="Budi.Santoso@sekolah.sch.id")
    (account,) = create(program, [budi])
    assert (account.user.username, account.user.email, account.mailed) == (
        "budisantoso",
        "budi.santoso@sekolah.sch.id",
        True,
    )
    (message,) = mailoutbox
    assert message.to == ["budi.santoso@sekolah.sch.id"] and "budisantoso" in message.body
    assert re.search(r"http://testserver/accounts/reset/\S+/\S+/", message.body)


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("SMTP down")


def test_a_failing_mail_keeps_the_account(program, settings):
    settings.EMAIL_BACKEND = "komunitas.tests.test_staff_accounts.FailingBackend"
    budi = staff(program, "Budi Santoso", email="budi@x.id")
    (account,) = create(program, [budi])
    assert account.mailed is False
    budi.refresh_from_db()
    assert budi.user == account.user and Membership.objects.filter(user=account.user).exists()


def test_posting_twice_makes_no_second_account(program):
    siti = staff(program, "Siti Aminah")
    create(program, [siti])
    assert create(program, [siti]) == []
    assert User.objects.filter(username__startswith="siti").count() == 1


def test_an_email_another_account_uses_is_left_off(program, teacher):
    """The e-mail is unique per account: the new account is made without it (the sign-in sheet reaches them)."""
    teacher.email = "guru@x.id"
    teacher.save()
    twin, second = staff(program, "Guru Kembar", email="GURU@x.id"), staff(program, "Dua Alamat", email="dua@x.id")
    third = staff(program, "Tiga Alamat", email="dua@x.id")  # two on the roster with one address
    created = {account.user.first_name: account for account in create(program, [twin, second, third])}
    assert (created["Guru"].user.email, created["Guru"].mailed) == ("", None)
    assert [created["Dua"].user.email, created["Tiga"].user.email] == ["dua@x.id", ""]


def test_people_of_another_school_or_not_staff_are_skipped(program):
    other = Person.objects.create(school=SchoolFactory(), name="Orang Lain", kind=PersonKind.TEACHER)
    student = staff(program, "Ani", PersonKind.STUDENT)
    assert create(program, [other, student]) == []


# --- the accounts page ------------------------------------------------------------------------------------------


@pytest.fixture
def url(program):
    return reverse("staff_accounts", args=[program.pk])


def test_the_page_lists_the_staff_without_an_account_teachers_first(client, program, principal, teacher, url):
    staff(program, "Zaenal", PersonKind.PRINCIPAL)
    staff(program, "Yusuf", identifier="197001012000011001", email="yusuf@x.id")
    staff(program, "Ani", PersonKind.STUDENT)
    client.force_login(principal)
    response = client.get(url)
    assert [person.name for person in response.context["people"]] == ["Yusuf", "Zaenal"]  # guru01 has an account
    html = response.content.decode()
    assert "197001012000011001" in html and "yusuf@x.id" in html
    assert html.count(" checked") == 2
    assert "no-store" in response["Cache-Control"]


def test_accounts_are_created_and_their_links_shown_once(client, program, facilitator, url, mailoutbox):
    siti, budi = staff(program, "Siti Aminah"), staff(program, "Budi Santoso", email="budi@x.id")
    client.force_login(facilitator)
    response = client.post(url, {"people": [siti.pk, budi.pk]}, follow=True)
    assert response.redirect_chain == [(url, 302)]
    html = response.content.decode()
    assert "2 accounts created." in html
    assert [m.user.username for m in response.context["created"]] == ["budi", "siti.aminah"]
    assert len(re.findall(r"http://testserver/accounts/reset/[^/<]+/[^/<]+/", html)) == 2
    assert "Invitation e-mailed to budi@x.id." in html and "No e-mail: hand them the link" in html
    assert len(mailoutbox) == 1
    assert not client.get(url).context["created"]  # shown once: the sheet has them afterwards
    response = client.post(url, {"people": [siti.pk]}, follow=True)  # the same form posted again
    assert "Everyone ticked has an account already" in response.content.decode()
    assert User.objects.filter(username__startswith="siti").count() == 1


@pytest.mark.parametrize(
    "people",
    [[], ["abc"], ["99999999999999999999999"], ["other_school"], ["principal_person"], ["student"]],
)
def test_bad_ticks_are_an_error_and_create_nothing(client, program, facilitator, url, people):
    other = Person.objects.create(school=SchoolFactory(), name="Orang Lain", kind=PersonKind.TEACHER)
    named = {
        "other_school": other.pk,
        "principal_person": staff(program, "Kepala Baru", PersonKind.PRINCIPAL).pk,  # a facilitator gives no such role
        "student": staff(program, "Ani", PersonKind.STUDENT).pk,
    }
    staff(program, "Siti Aminah")
    client.force_login(facilitator)
    users = User.objects.count()
    response = client.post(url, {"people": [named.get(value, value) for value in people]})
    assert response.status_code == 200 and "alert-danger" in response.content.decode()
    assert User.objects.count() == users


def test_a_facilitator_cannot_tick_the_principal_but_the_principal_can(client, program, facilitator, principal, url):
    head = staff(program, "Kepala Baru", PersonKind.PRINCIPAL)
    client.force_login(facilitator)
    (row,) = client.get(url).context["people"]
    assert not row.may_create and "Only the principal" in row.reason
    client.force_login(principal)
    client.post(url, {"people": [head.pk]})
    head.refresh_from_db()
    assert Membership.objects.get(user=head.user).role == "principal"


def test_someone_whose_email_has_an_account_is_sent_to_the_invitation(client, program, principal, teacher, url):
    teacher.email = "guru@x.id"
    teacher.save()
    twin = staff(program, "Guru Kembar", email="guru@x.id")
    client.force_login(principal)
    (row,) = client.get(url).context["people"]
    assert not row.may_create and "Invite a member of staff" in row.reason
    assert client.post(url, {"people": [twin.pk]}).status_code == 200  # refused
    twin.refresh_from_db()
    assert twin.user is None


def test_everyone_with_an_account_shows_what_to_do_next(client, program, facilitator, url):
    client.force_login(facilitator)
    html = client.get(url).content.decode()
    assert "staff has an account." in html
    assert reverse("people_import", args=[program.pk]) in html and reverse("person_create", args=[program.pk]) in html


def test_the_staff_list_links_to_both_pages(client, program, principal):
    client.force_login(principal)
    html = client.get(reverse("staff_list", args=[program.pk])).content.decode()
    assert reverse("staff_accounts", args=[program.pk]) in html
    assert reverse("staff_accounts_sheet", args=[program.pk]) in html


# --- the sign-in sheet ------------------------------------------------------------------------------------------


def test_the_sheet_has_a_slip_per_account_waiting_and_each_link_works_once(client, program, principal, teacher):
    siti, head = staff(program, "Siti Aminah"), staff(program, "Kepala Baru", PersonKind.PRINCIPAL)
    create(program, [siti, head])
    sheet = reverse("staff_accounts_sheet", args=[program.pk])
    client.force_login(principal)
    response = client.get(sheet)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    # guru01 signed in long ago (a usable password): no slip; the principal's own account neither
    assert [m.user.username for m in response.context["slips"]] == ["kepala.baru", "siti.aminah"]
    assert "Hand each slip to its owner; a slip works once." in html
    assert html.count('src="data:image/svg+xml') == 2 and "SMPN H. Wukirsari" in html and "http://testserver/" in html
    link = re.search(r'data-testid="link">http://testserver(/accounts/reset/[^<]+)<', html).group(1)
    assert link.startswith(reverse("password_reset_confirm", args=["x", "y"]).split("x/")[0])

    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"] is True
    password = "kelas-delapan-hebat"
    set_url = form_page.redirect_chain[-1][0]
    assert client.post(set_url, {"new_password1": password, "new_password2": password}).status_code == 302
    assert client.get(link, follow=True).context["validlink"] is False  # the same slip is refused afterwards

    client.force_login(principal)
    assert [m.user.username for m in client.get(sheet).context["slips"]] == ["siti.aminah"]


def test_a_facilitator_holds_no_slip_of_an_account_they_may_not_give(client, program, facilitator):
    create(program, [staff(program, "Siti Aminah"), staff(program, "Kepala Baru", PersonKind.PRINCIPAL)])
    client.force_login(facilitator)
    response = client.get(reverse("staff_accounts_sheet", args=[program.pk]))
    assert [m.user.username for m in response.context["slips"]] == ["siti.aminah"]


def test_an_empty_sheet_says_where_slips_come_from(client, program, facilitator):
    client.force_login(facilitator)
    html = client.get(reverse("staff_accounts_sheet", args=[program.pk])).content.decode()
    assert "No account is waiting for its owner." in html and reverse("staff_accounts", args=[program.pk]) in html


# --- query counts -----------------------------------------------------------------------------------------------


def _grow(program, size):
    people = Person.objects.bulk_create(
        Person(school=program.school, name=f"Guru {size}-{i}", kind=PersonKind.TEACHER, email=f"g{size}-{i}@x.id")
        for i in range(size)
    )
    create(program, people[: size // 2])  # half wait on the sheet, half are still without an account


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # the session, the user, the program with the role; the staff without an account (with "e-mail taken")
        ("staff_accounts", 4),
        # the session, the user, the program with the role; the accounts waiting with their users
        ("staff_accounts_sheet", 4),
    ],
)
def test_the_pages_cost_the_same_with_more_staff(
    client, program, facilitator, django_assert_num_queries, name, expected
):
    client.force_login(facilitator)
    url = reverse(name, args=[program.pk])
    for size in (4, 40):
        _grow(program, size)
        with django_assert_num_queries(expected):
            assert client.get(url).status_code == 200


# --- in the browser ---------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_a_facilitator_creates_the_accounts_and_prints_the_sheet(desktop, live_program):
    """Budi and Rina are on the roster without an account (``live_program``); the page is in Indonesian, so the
    test finds its way by addresses and test ids."""
    page = desktop
    sign_in(page, "fasilitator")
    page.goto(reverse("staff_list", args=[live_program.pk]))
    settle(page)
    page.click(f"main a[href='{reverse('staff_accounts', args=[live_program.pk])}']")
    settle(page)
    rows = page.locator("[data-testid=staff-without-account] input[type=checkbox]")
    assert rows.count() == 2 and all(rows.nth(i).is_checked() for i in range(2))
    page.click("main form button[type=submit]")
    settle(page)
    created = page.locator("[data-testid=created-account]")
    assert created.count() == 2
    assert page.locator("[data-testid=username]").all_inner_texts() == ["budi.santoso", "rina.marlina"]
    assert all("/accounts/reset/" in text for text in page.locator("[data-testid=link]").all_inner_texts())
    page.click(f"[data-testid=created-accounts] a[href='{reverse('staff_accounts_sheet', args=[live_program.pk])}']")
    settle(page)
    assert page.locator("[data-testid=slip]").count() == 2
    assert page.locator("[data-testid=slip] img.slip-qr").count() == 2


def test_an_account_without_email_is_not_invited_again_by_mail(client, program, principal, mailoutbox):
    (account,) = create(program, [staff(program, "Siti Aminah")])
    membership = Membership.objects.get(user=account.user)
    client.force_login(principal)
    html = client.get(reverse("staff_list", args=[program.pk])).content.decode()
    assert reverse("staff_resend", args=[program.pk, membership.pk]) not in html
    response = client.post(reverse("staff_resend", args=[program.pk, membership.pk]))
    assert response.url == reverse("staff_accounts_sheet", args=[program.pk]) and mailoutbox == []


def test_a_refused_form_keeps_what_was_ticked(client, program, facilitator):
    siti, budi = staff(program, "Siti Aminah"), staff(program, "Budi Santoso")
    client.force_login(facilitator)
    response = client.post(reverse("staff_accounts", args=[program.pk]), {"people": [siti.pk, "abc"]})
    assert {person.name: person.ticked for person in response.context["people"]} == {
        "Budi Santoso": False,
        "Siti Aminah": True,
    }
    assert budi.pk and not User.objects.filter(username__startswith="siti").exists()
