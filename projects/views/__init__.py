"""Pages of the project clubs: the clubs (list, page, create, edit, delete), their projects, and logging a
club meeting. Every page starts with ``program_access`` (outsiders 404, readers who may not write 403) and
fetches objects through ``access.program``. Forms that list students need ``sees_personal_data`` too.
"""
