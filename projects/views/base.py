"""What the clubs' pages share: finding a club or a project of the program."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from komunitas.access import ProgramAccess

from ..models import Club, Project


def get_club(access: ProgramAccess, pk: int) -> Club:
    """A club of the program (tenant first: another program's club is a 404)."""
    club = get_object_or_404(access.program.clubs.all(), pk=pk)
    club.program = access.program  # read once already; no query when the page asks
    return club


def get_project(access: ProgramAccess, club: Club, pk: int) -> Project:
    project = get_object_or_404(club.projects.all(), pk=pk)
    project.club = club
    return project
