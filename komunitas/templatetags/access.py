"""Templates ask ``ProgramAccess`` (komunitas/access.py) whether the viewer may do something to a record; the
rule itself is never restated in a template. ``{% load access %}`` then ``{% if access|can_change:item %}``."""

from django import template

register = template.Library()


@register.filter
def can_change(access, record) -> bool:
    return bool(access) and access.can_change(record)


@register.filter
def can_delete_session(access, session) -> bool:
    return bool(access) and access.can_delete_session(session)


@register.filter
def can_take_attendance(access, session) -> bool:
    return bool(access) and access.can_take_attendance(session)


@register.filter
def can(access, capability: str) -> bool:
    """``{% if access|can:"evaluate" %}``: a capability of ``komunitas.access.CAPABILITIES``."""
    return bool(access) and access.can(capability)
