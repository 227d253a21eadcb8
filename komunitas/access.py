"""Who may see and change what. Views ask here; they never hand-roll role checks.

Rules (the roles are described in README.md, "Architecture"):
- an outsider gets 404 for anything of a program they cannot see (no leaking that it exists);
- a reader who may not write gets 403;
- district officers read every program of their district and never write, and see its figures, not its
  children: no student's or parent's name, number, class or link (``sees_personal_data``);
- teachers see students' and parents' data only in the programs they take part in;
- superusers act as facilitators everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Subquery
from django.http import Http404

from .models import DistrictOfficer, Membership, Participant, Program, Role, SchoolDataVersion, SessionStatus
from .prepared import Prepared

DISTRICT = "district"
SUPERUSER = "superuser"

# What each capability needs. Kept as data so the permission tests and the navigation read the same table.
CAPABILITIES: dict[str, set[str]] = {
    # read every staff page of the program
    "read": {Role.PRINCIPAL, Role.FACILITATOR, Role.TEACHER, DISTRICT, SUPERUSER},
    # roster, schedule, stages, everything in the program
    "manage": {Role.FACILITATOR, SUPERUSER},
    # program settings (name, dates, stages, checklist)
    "settings": {Role.FACILITATOR, Role.PRINCIPAL, SUPERUSER},
    # log activities, take attendance, add documentation
    "log": {Role.FACILITATOR, Role.TEACHER, SUPERUSER},
    # the school's staff accounts: invite, change role, revoke
    "staff": {Role.FACILITATOR, Role.PRINCIPAL, SUPERUSER},
    # everyone's evaluation answers, by name (interviews, questionnaires, observations of people)
    "evaluate": {Role.FACILITATOR, Role.PRINCIPAL, SUPERUSER},
    # the final report's texts and obstacles: those who write and sign it (teachers raise obstacles at the forum)
    "report": {Role.FACILITATOR, Role.PRINCIPAL, SUPERUSER},
}


@dataclass(frozen=True)
class ProgramAccess:
    program: Program
    role: str
    user: object
    takes_part: bool = False  # the user is a current participant of the program (their linked person is)

    def can(self, capability: str) -> bool:
        return self.role in CAPABILITIES[capability]

    def require(self, capability: str) -> None:
        if not self.can(capability):
            raise PermissionDenied

    def can_edit(self, created_by_id: int | None) -> bool:
        """Facilitators edit everything; teachers edit what they created."""
        return self.can("manage") or (self.can("log") and created_by_id == self.user.pk)

    def require_edit(self, created_by_id: int | None) -> None:
        if not self.can_edit(created_by_id):
            raise PermissionDenied

    def can_change(self, record) -> bool:
        """May edit or delete ``record`` (anything with ``created_by``): its creator, and facilitators."""
        return self.can_edit(record.created_by_id)

    def can_delete_session(self, session) -> bool:
        """A held session carries colleagues' records (attendance, feedback, reflections): only facilitators
        delete one; a planned or cancelled session can be deleted by whoever may change it."""
        return self.can_change(session) and (session.status != SessionStatus.HELD or self.can_manage)

    def can_take_attendance(self, session) -> bool:
        """Every teacher of the program keeps the community's records, from the session's day on."""
        return self.can_log and not session.in_future

    def can_fill_in(self, session, *, has_record: bool) -> bool:
        """A session planned on the schedule has no activity record yet (no forum minutes, say). If the
        facilitator (or the principal) planned it, any teacher of the program may fill it in, and then owns it;
        one a teacher planned stays theirs. Once filled in, ``can_change`` applies. Needs ``creator_role``
        (``Session.objects.with_creator_role()``)."""
        if has_record or not self.can_log:
            return False
        planned_for_anyone = session.creator_role in {Role.FACILITATOR, Role.PRINCIPAL}
        return planned_for_anyone or self.can_change(session)

    # Template-friendly shortcuts (templates cannot call methods with arguments; see templatetags/access.py).
    @property
    def can_manage(self) -> bool:
        return self.can("manage")

    @property
    def can_settings(self) -> bool:
        return self.can("settings")

    @property
    def can_log(self) -> bool:
        return self.can("log")

    @property
    def can_report(self) -> bool:
        return self.can("report")

    @property
    def can_manage_staff(self) -> bool:
        return self.can("staff")

    def assignable_roles(self) -> list[str]:
        """The roles this user may give or take away at the school: the principal (and a superuser) any; a
        facilitator only "teacher" — those who manage the school are appointed by its principal."""
        if not self.can("staff"):
            return []
        return list(Role.values) if self.role in {Role.PRINCIPAL, SUPERUSER} else [Role.TEACHER]

    def can_change_membership(self, membership) -> bool:
        """May change the role of, or revoke, this staff account: one whose role they may assign, not their own."""
        return membership.user_id != self.user.pk and membership.role in self.assignable_roles()

    @property
    def is_teacher(self) -> bool:
        """A teacher of the school (not its facilitator or principal): what is addressed to teachers, e.g. the
        feedback they received."""
        return self.role == Role.TEACHER

    @property
    def sees_personal_data(self) -> bool:
        """May see students' and parents' names, numbers, classes and links: the school's principal and
        facilitators, and teachers taking part in this program. Everyone else (district officers, teachers of
        other programs) sees counts, and photos only as far as the report may show them."""
        return self.role in {Role.PRINCIPAL, Role.FACILITATOR, SUPERUSER} or (
            self.role == Role.TEACHER and self.takes_part
        )

    def require_personal_data(self) -> None:
        if not self.sees_personal_data:
            raise PermissionDenied

    @property
    def manages_consent(self) -> bool:
        """Sees photos whose consent is missing or withdrawn (marked), to delete them or record consent."""
        return self.role in {Role.PRINCIPAL, Role.FACILITATOR, SUPERUSER}

    def may_see_photo(self, attachment) -> bool:
        """For an attachment annotated by ``with_consent``: staff pages need the staff consent, everyone else
        what the report may show."""
        if self.manages_consent:
            return True
        return attachment.consent_staff if self.sees_personal_data else attachment.consent_report

    def photo_filter(self) -> dict:
        """``may_see_photo`` as a filter of a ``with_consent`` queryset."""
        if self.manages_consent:
            return {}
        return {"consent_staff": True} if self.sees_personal_data else {"consent_report": True}

    def own_person(self):
        """The signed-in user's own Person at the program's school (None when the account is not linked): who
        "I" am when I give feedback or answer a questionnaire. One query."""
        from .models import Person

        return Person.objects.filter(user=self.user, school_id=self.program.school_id).first()

    @property
    def role_label(self) -> str:
        from django.utils.translation import gettext as _

        labels = {DISTRICT: _("District officer"), SUPERUSER: _("Administrator")}
        return labels.get(self.role) or Role(self.role).label


def program_access(request, program_id: int) -> ProgramAccess:
    """The program (with school and district) and the user's role in it, in one query; 404 if not visible."""
    from . import audit

    access = program_access_for(request.user, program_id, request=request)
    audit.note_request_school(access.program.school_id)  # what is changed here belongs to this school's log
    return access


def _program_with_role(user_id: int, program_id: int):
    role_at_school = Membership.objects.filter(user_id=user_id, school=OuterRef("school")).values("role")[:1]
    officer_of_district = DistrictOfficer.objects.filter(user_id=user_id, district=OuterRef("school__district"))
    taking_part = Participant.objects.current().filter(program=OuterRef("pk"), person__user_id=user_id)
    # What cached pages of the program are keyed by (komunitas/freshness.py)
    data_token = SchoolDataVersion.objects.filter(school_id=OuterRef("school_id")).values("token")[:1]
    return (
        Program.objects.select_related("school__district")
        .annotate(
            my_role=Subquery(role_at_school),
            my_district=Exists(officer_of_district),
            takes_part=Exists(taking_part),
            data_token=Subquery(data_token),
        )
        .filter(pk=program_id)[:1]
    )


# Every page of a program reads this: its SQL is built once per process (building it took 1.6 ms a request).
program_with_role = Prepared(_program_with_role, user_id=int, program_id=int)


def program_access_for(user, program_id: int, *, request=None) -> ProgramAccess:
    if not user.is_authenticated:
        raise Http404
    program = program_with_role.first(user_id=user.pk, program_id=int(program_id))
    if program is None:
        raise Http404
    if user.is_superuser:
        role = SUPERUSER
    elif program.my_role:
        role = program.my_role
    elif program.my_district:
        role = DISTRICT
    else:
        from . import audit

        audit.denied_program(user, program, request)
        raise Http404
    return ProgramAccess(program=program, role=role, user=user, takes_part=program.takes_part)


def schools_user_can_manage(user):
    """Schools where the user may create programs: as facilitator or principal (all, for superusers)."""
    from .models import School

    if user.is_superuser:
        return School.objects.select_related("district")
    return School.objects.select_related("district").filter(
        memberships__user=user, memberships__role__in=[Role.FACILITATOR, Role.PRINCIPAL]
    )


def can_register_school(user) -> bool:
    """Anyone who facilitates somewhere (or a superuser) may register a new school and becomes its facilitator."""
    return user.is_superuser or user.memberships.filter(role=Role.FACILITATOR).exists()
