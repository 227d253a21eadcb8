"""The shared rules of the permission tables (komunitas/tests/test_permissions.py and each app's own).

A table row names a capability; ``ALLOWED`` says which roles have it. Whoever lacks it gets 403 when they
may read the program, 404 when they may not (or when the capability hides the page from readers too),
and anonymous users are sent to the login page.
"""

from django.urls import reverse

ROLES = ["anonymous", "principal", "facilitator", "teacher", "district_officer", "outsider", "superuser"]
READERS = {"principal", "facilitator", "teacher", "district_officer", "superuser"}
ALLOWED = {
    "read": READERS,
    # plan and log sessions, take attendance, add documentation: every teacher of the program
    "log": {"teacher", "facilitator", "superuser"},
    "manage": {"facilitator", "superuser"},
    "settings": {"facilitator", "principal", "superuser"},
    # a record created by the facilitator: only they (and superusers) may edit it
    "edit_facilitators": {"facilitator", "superuser"},
    # a record created by the teacher: the teacher, facilitators and superusers
    "edit_teachers": {"teacher", "facilitator", "superuser"},
    # pages that may show students without recorded consent: the school's own staff only (404 for others)
    "school_staff": {"principal", "facilitator", "teacher", "superuser"},
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
