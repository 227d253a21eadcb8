"""The core domain, one module per sub-domain: schools and roles, programs and their stages, people and
participants, sessions with attendance and documentation.

Activity apps (forums, projects, parents, lessonstudy) extend ``Session`` with a one-to-one model of their
own; nothing here imports them, so the dashboard, the schedule and the exports read one table.
"""

from .accounts import PasswordResetRequest, VerifiedEmail
from .audit import SecurityEvent, SecurityEventKind
from .people import (
    CLASS_PATTERN,
    STAFF_KIND_OF_ROLE,
    STAFF_KINDS,
    ConsentPurpose,
    Participant,
    ParticipantQuerySet,
    Person,
    PersonKind,
    PersonQuerySet,
    PhotoConsent,
    normalize_class_name,
    participation_on,
    took_part,
)
from .programs import CYCLE_PRESETS, ChecklistItem, CycleTemplate, Program, ProgramQuerySet, ProgramSetup, Stage
from .report import Obstacle, ObstacleCategory, ReportText
from .schools import District, DistrictOfficer, Membership, Role, School, SchoolDataVersion
from .sessions import (
    Attachment,
    AttachmentKind,
    AttachmentQuerySet,
    Attendance,
    AttendanceStatus,
    Session,
    SessionQuerySet,
    SessionStatus,
    attachment_path,
)

__all__ = [
    "CLASS_PATTERN",
    "CYCLE_PRESETS",
    "STAFF_KINDS",
    "STAFF_KIND_OF_ROLE",
    "Attachment",
    "AttachmentKind",
    "AttachmentQuerySet",
    "Attendance",
    "AttendanceStatus",
    "ChecklistItem",
    "ConsentPurpose",
    "CycleTemplate",
    "District",
    "DistrictOfficer",
    "Membership",
    "Obstacle",
    "ObstacleCategory",
    "Participant",
    "ParticipantQuerySet",
    "PasswordResetRequest",
    "Person",
    "PersonKind",
    "PersonQuerySet",
    "PhotoConsent",
    "Program",
    "ProgramQuerySet",
    "ProgramSetup",
    "ReportText",
    "Role",
    "School",
    "SchoolDataVersion",
    "SecurityEvent",
    "SecurityEventKind",
    "Session",
    "SessionQuerySet",
    "SessionStatus",
    "Stage",
    "VerifiedEmail",
    "attachment_path",
    "normalize_class_name",
    "participation_on",
    "took_part",
]
