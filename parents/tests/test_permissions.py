"""The permission table of the parents section, read by the core's URL-walking test."""

from komunitas.testing import permission_table_test, personal_data_test

TABLE = [
    ("parents:index", {}, "get", "read", 200),
    ("parents:involvement", {}, "get", "personal_data", 200),  # names parents and their children
]

# The self check-in (parents/views/check_in.py): whoever logs classes opens links; the facilitator decides about
# the names parents wrote. The public page (/c/<token>/) is tested in test_public_check_in.py.
CLASS = {"pk": "parent_session"}
LINK, NAME = {**CLASS, "link_pk": "check_in_link"}, {**CLASS, "check_in_pk": "pending_check_in"}
TABLE += [
    ("parents:check_in", CLASS, "get", "log", 200),
    ("parents:check_in", CLASS, "post", "log", 302),  # opens a link
    ("parents:check_in_revoke", LINK, "post", "log", 302),
    ("parents:check_in_qr", LINK, "get", "log", 200),
    ("parents:check_in_screen", LINK, "get", "log", 200),
    ("parents:check_in_confirm", NAME, "post", "manage", 302),  # no student chosen: confirmed
    ("parents:check_in_merge", NAME, "post", "manage", 200),  # no parent chosen: the page with an error
    ("parents:check_in_reject", NAME, "post", "manage", 302),
    ("parents:invitation", CLASS, "get", "log", 200),
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_parents_url_is_in_the_table():
    from parents.urls import urlpatterns

    assert {f"parents:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}
