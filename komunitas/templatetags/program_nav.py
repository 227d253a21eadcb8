"""The program navigation's entries for activity apps, read from the plug-in contract (komunitas/activities.py)."""

from django import template

from komunitas import activities

register = template.Library()


@register.simple_tag
def activity_navigation() -> list[activities.Activity]:
    return activities.navigation()
