"""Whether an artifact may be shown beyond the staff's pages: every student linked to it has a guardian's consent in
force for the purpose. The same rule as the core's session photos (``AttachmentQuerySet.with_consent``), applied
to artifacts, and read live so that a withdrawal hides them everywhere at once."""

from __future__ import annotations

from django.db import models

from komunitas.models import AttachmentKind, ConsentPurpose, Person, PersonKind, PhotoConsent


class ArtifactQuerySet(models.QuerySet):
    def with_consent(self) -> ArtifactQuerySet:
        """Annotate ``consent_<purpose>`` (staff, report, public). Beyond staff pages consent fails closed: an
        artifact kept to staff, one linked to no student (who is in it?) and a document are in no report."""
        flags = {}
        for purpose in ConsentPurpose.values:
            consented = PhotoConsent.objects.active().filter(person=models.OuterRef("pk"), purpose=purpose)
            students = Person.objects.filter(artifacts=models.OuterRef("pk"), kind=PersonKind.STUDENT)
            allowed = ~models.Exists(students.exclude(models.Exists(consented)))
            if purpose != ConsentPurpose.STAFF:
                allowed &= models.Q(staff_only=False, kind=AttachmentKind.PHOTO) & models.Exists(students)
            flags[f"consent_{purpose}"] = models.ExpressionWrapper(allowed, output_field=models.BooleanField())
        return self.annotate(**flags)

    def shown_for(self, purpose: str) -> ArtifactQuerySet:
        """The artifacts a purpose may show: ``report`` for the report and district officers, ``public``."""
        return self.with_consent().filter(**{f"consent_{purpose}": True})


def keep_their_artifacts_to_staff(sender, instance: Person, **kwargs) -> None:
    """``pre_delete`` receiver for Person (connected in ``ProjectsConfig.ready``): a removed student's consent goes
    with them, so the artifacts they were linked to stay on staff pages; nothing becomes more visible."""
    instance.artifacts.update(staff_only=True)
