"""The permission table of the projects section, read by the core's URL-walking test."""

from komunitas.testing import permission_table_test, personal_data_test

TABLE = [
    ("projects:index", {}, "get", "read", 200),
]

test_permission_table = permission_table_test(TABLE)
test_no_personal_data = personal_data_test(TABLE)
