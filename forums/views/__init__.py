"""Pages of the teacher forum, one module per part: sessions (list, log, edit, detail, minutes), peer feedback,
reflections, the teachers' pages, and the practice log with its methods.

Every page starts with ``program_access`` (outsiders 404, readers who may not write 403) and fetches objects
through ``access.program``. Forum content is staff-only: no page here is reachable without an account.
"""
