from django.contrib import admin

from .models import Club, ClubMeeting, Project


class ProjectInline(admin.TabularInline):
    model = Project
    extra = 0


@admin.register(Club)
class ClubAdmin(admin.ModelAdmin):
    list_display = ["name", "program", "theme"]
    list_filter = ["program"]
    search_fields = ["name", "theme"]
    filter_horizontal = ["mentors", "members"]
    inlines = [ProjectInline]


@admin.register(ClubMeeting)
class ClubMeetingAdmin(admin.ModelAdmin):
    list_display = ["session", "club"]
    list_filter = ["club__program"]
    raw_id_fields = ["session"]
