from django.contrib import admin

from .models import FollowUp, ForumSession, Method, PeerFeedback, PracticeLog, Reflection


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0


@admin.register(ForumSession)
class ForumSessionAdmin(admin.ModelAdmin):
    list_display = ["session", "format", "topic_category"]
    list_filter = ["format", "topic_category", "session__program"]
    search_fields = ["session__title", "practice"]
    raw_id_fields = ["session", "notetaker"]
    filter_horizontal = ["presenters"]
    inlines = [FollowUpInline]


@admin.register(PeerFeedback)
class PeerFeedbackAdmin(admin.ModelAdmin):
    list_display = ["forum", "presenter", "author", "anonymous", "created_at"]
    raw_id_fields = ["forum", "presenter", "author"]


@admin.register(Reflection)
class ReflectionAdmin(admin.ModelAdmin):
    list_display = ["forum", "author", "try_by"]
    raw_id_fields = ["forum", "author"]


@admin.register(Method)
class MethodAdmin(admin.ModelAdmin):
    list_display = ["name", "program", "active"]
    list_filter = ["program", "active"]


@admin.register(PracticeLog)
class PracticeLogAdmin(admin.ModelAdmin):
    list_display = ["teacher", "date", "class_name", "method"]
    list_filter = ["program", "method"]
    raw_id_fields = ["teacher", "forum"]
