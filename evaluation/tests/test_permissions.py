"""The permission table of the evaluation section, read by the core's URL-walking test."""

from komunitas.testing import permission_table_test

TABLE = [
    ("evaluation:index", {}, "get", "read", 200),
]

test_permission_table = permission_table_test(TABLE)
