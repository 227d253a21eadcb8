"""The invitation: a printable page with the class's day, time, place and theme, the QR code and the link once a
link is open (else a prompt to open one), a message to send, and a WhatsApp share link (a plain link, no API)."""

import datetime as dt
from urllib.parse import unquote

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from parents.models import CheckInLink
from parents.views.check_in import invitation_text


def invitation_url(world, session=None) -> str:
    return reverse("parents:invitation", args=[world["program"].pk, (session or world["parent_session"]).pk])


def whatsapp_href(html: str) -> str:
    start = html.index('href="https://wa.me/?text=') + len('href="')
    return html[start : html.index('"', start)]


def test_it_shows_the_class_the_link_and_its_qr_code(client, world, facilitator):
    session, link = world["parent_session"], world["check_in_link"]
    session.place = "Aula sekolah"
    session.save()
    client.force_login(facilitator)
    response = client.get(invitation_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    for text in [session.title, "Aula sekolah", "13:30", "The parent&#x27;s role at home", f"/c/{link.token}/"]:
        assert text in html
    assert reverse("parents:check_in_qr", args=[world["program"].pk, session.pk, link.pk]) in html
    assert "data-print" in html and "parents/check_in.css" in html  # the print button and the print CSS


def test_the_whatsapp_link_carries_the_message(client, world, facilitator):
    client.force_login(facilitator)
    html = client.get(invitation_url(world)).content.decode()
    href = whatsapp_href(html)
    assert " " not in href and "\n" not in href  # URL-encoded
    text = unquote(href.removeprefix("https://wa.me/?text="))
    assert world["parent_session"].title in text
    assert f"http://testserver/c/{world['check_in_link'].token}/" in text
    assert "check in on your phone" in text
    assert "13:30–15:00 WIB" in text


def test_without_an_open_link_it_asks_to_open_one(client, world, facilitator):
    CheckInLink.objects.update(revoked_at=timezone.now())
    client.force_login(facilitator)
    html = client.get(invitation_url(world)).content.decode()
    assert "No check-in link is open yet." in html
    assert reverse("parents:check_in", args=[world["program"].pk, world["parent_session"].pk]) in html
    assert "/c/" not in html and "check in on your phone" not in unquote(whatsapp_href(html))


def test_an_expired_link_is_not_offered(client, world, facilitator):
    CheckInLink.objects.update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    client.force_login(facilitator)
    assert "No check-in link is open yet." in client.get(invitation_url(world)).content.decode()


def test_the_message_in_indonesian_uses_the_local_day_names(world):
    session = world["parent_session"]  # Tuesday 3 February 2026
    with override("id"):
        text = invitation_text(session, "https://example.org/c/abc/")
    assert "Selasa" in text and "Februari" in text
    assert "https://example.org/c/abc/" in text


def test_a_class_without_a_theme_record_still_has_an_invitation(client, world, facilitator):
    session = world["teacher_parent_session"]
    session.parent_class.delete()
    client.force_login(facilitator)
    response = client.get(invitation_url(world, session))
    assert response.status_code == 200 and "Theme" not in response.content.decode().split("message-title")[0]
