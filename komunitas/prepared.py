"""Reads that every signed-in request makes, with their SQL built once per process instead of once per request.

Building and compiling a QuerySet costs Python time whatever the database then does: the program with the user's
role (``access.program_access_for``, four subqueries) spent 1.6 ms in the ORM and 0.04 ms in SQLite; the session
and the user, 0.2 ms each for a primary-key read of 0.02 ms. A ``Prepared`` read builds its QuerySet once per
process and database, with marker values in the places that change, keeps the SQL, and then only runs it with
each call's values and turns the rows into model instances as the QuerySet would (``select_related``,
annotations, the database's value conversions). The database is asked every time: nothing is cached but the SQL.

    program_with_role = Prepared(lambda user_id, program_id: Program.objects.filter(...), user_id=int, program_id=int)
    program = program_with_role.first(user_id=user.pk, program_id=program_id)

A value passes to the database as given: use it for keys (``int``, ``str``), not for values the ORM would
convert (dates). ``komunitas/tests/test_prepared.py`` checks every prepared read against its QuerySet.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import connections, router
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

_markers = itertools.count(1)


@dataclass(frozen=True)
class _Slot:
    name: str


@dataclass(frozen=True)
class _Shape:
    sql: str
    params: tuple  # constants, and a _Slot where a call's value goes
    compiler: object
    converters: dict
    init_list: list[str]
    fields: slice
    related_populators: list
    annotations: dict[str, int]


class Prepared:
    def __init__(self, build: Callable[..., QuerySet], **slots: type):
        self.build, self.slots = build, slots
        self.model = build(**self._markers()).model
        self._shapes: dict[str, _Shape] = {}

    def _markers(self) -> dict:
        """A value for each slot that no constant of the query has, so the place it lands in the SQL's parameters is
        plain. Integers stay within a 32-bit column's range: beyond it, Django compiles a lookup to nothing."""
        kinds = {int: lambda n: 2_147_000_000 + n, str: lambda n: f"\x00prepared-{n}"}
        try:
            return {name: kinds[kind](next(_markers)) for name, kind in self.slots.items()}
        except KeyError as missing:
            raise ImproperlyConfigured(f"Prepared reads take int or str values, not {missing}") from None

    def _shape(self, alias: str) -> _Shape:
        markers = self._markers()
        queryset = self.build(**markers).using(alias)
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        slots = {marker: _Slot(name) for name, marker in markers.items()}
        params = tuple(slots.get(param, param) if isinstance(param, int | str) else param for param in params)
        if {p.name for p in params if isinstance(p, _Slot)} != set(self.slots):
            raise ImproperlyConfigured(f"{self.model.__name__}: a value of {set(self.slots)} is not a parameter")
        if compiler.has_extra_select:  # columns only for ordering: rows would need trimming
            raise ImproperlyConfigured(f"{self.model.__name__}: order by selected columns only")
        select, klass_info = compiler.select, compiler.klass_info
        first, last = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
        return _Shape(
            sql=sql,
            params=params,
            compiler=compiler,
            converters=compiler.get_converters([column for column, _, _ in select]),
            init_list=[column.target.attname for column, _, _ in select[first:last]],
            fields=slice(first, last),
            related_populators=get_related_populators(klass_info, select, alias),
            annotations=dict(compiler.annotation_col_map or {}),
        )

    def all(self, **values) -> list[Model]:
        alias = router.db_for_read(self.model)
        shape = self._shapes.get(alias)
        if shape is None:
            shape = self._shapes[alias] = self._shape(alias)
        params = [values[param.name] if isinstance(param, _Slot) else param for param in shape.params]
        with connections[alias].cursor() as cursor:
            cursor.execute(shape.sql, params)
            rows = cursor.fetchall()
        if shape.converters:
            rows = shape.compiler.apply_converters(rows, shape.converters)
        objects = []
        for row in rows:
            obj = self.model.from_db(alias, shape.init_list, row[shape.fields])
            for populator in shape.related_populators:
                populator.populate(row, obj)
            for name, position in shape.annotations.items():
                setattr(obj, name, row[position])
            objects.append(obj)
        return objects

    def first(self, **values) -> Model | None:
        """The first row's instance (the QuerySet should be limited to one row), or None."""
        objects = self.all(**values)
        return objects[0] if objects else None
