"""Django admin for superusers: list displays and filters to find things fast."""

from django.contrib import admin

from . import activities
from .models import (
    Attachment,
    Attendance,
    ChecklistItem,
    District,
    DistrictOfficer,
    Membership,
    Participant,
    Person,
    PhotoConsent,
    Program,
    School,
    Session,
    Stage,
)


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "province"]
    search_fields = ["name", "province"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "npsn", "district"]
    list_filter = ["district"]
    search_fields = ["name", "npsn"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "school", "role"]
    list_filter = ["role", "school"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "school__name"]
    autocomplete_fields = ["user", "school"]


@admin.register(DistrictOfficer)
class DistrictOfficerAdmin(admin.ModelAdmin):
    list_display = ["user", "district"]
    list_filter = ["district"]
    autocomplete_fields = ["user", "district"]


class StageInline(admin.TabularInline):
    model = Stage
    extra = 0


@admin.register(Program)
class ProgramAdmin(admin.ModelAdmin):
    list_display = ["name", "school", "start_date", "weeks"]
    list_filter = ["school__district", "school"]
    search_fields = ["name", "school__name"]
    date_hierarchy = "start_date"
    inlines = [StageInline]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:  # as services.program_create does: the activities prepare the new program
            activities.program_created(obj)


class ChecklistInline(admin.TabularInline):
    model = ChecklistItem
    extra = 0
    fields = ["order", "text", "done_at"]


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["name", "program", "order", "start_date", "end_date"]
    list_filter = ["program__school"]
    inlines = [ChecklistInline]


class PhotoConsentInline(admin.TabularInline):
    model = PhotoConsent
    fields = ["purpose", "given_by", "given_on", "recorded_by", "recorded_at", "withdrawn_at", "withdrawn_by"]
    raw_id_fields = ["recorded_by", "withdrawn_by"]
    extra = 0


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "class_name", "school", "archived_at"]
    list_filter = ["kind", "school", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "identifier", "class_name"]
    filter_horizontal = ["guardian_of"]
    raw_id_fields = ["user"]
    inlines = [PhotoConsentInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["person", "program", "role"]
    list_filter = ["role", "program"]
    search_fields = ["person__name"]
    raw_id_fields = ["person"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["person"]


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ["title", "program", "kind", "date", "status"]
    list_filter = ["kind", "status", "program"]
    search_fields = ["title", "place"]
    date_hierarchy = "date"
    raw_id_fields = ["facilitator"]
    inlines = [AttendanceInline]


@admin.register(Attachment)
class AttachmentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "session", "kind", "content_type", "size", "uploaded_at"]
    list_filter = ["kind"]
    raw_id_fields = ["session", "people"]
