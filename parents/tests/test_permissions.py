"""The permission table of the parents section, read by the core's URL-walking test."""

from komunitas.testing import permission_table_test, personal_data_test

TABLE = [
    ("parents:index", {}, "get", "read", 200),
    ("parents:involvement", {}, "get", "personal_data", 200),  # names parents and their children
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)


def test_every_parents_url_is_in_the_table():
    from parents.urls import urlpatterns

    assert {f"parents:{pattern.name}" for pattern in urlpatterns} == {row[0] for row in TABLE}
