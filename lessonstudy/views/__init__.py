"""Pages of the lesson-study cycles, one module per part: the cycles (cycles.py) and their plans with versions,
comparison and files (plans.py). Every page starts with ``program_access`` (outsiders 404, readers who may not write
403) and fetches objects through ``access.program``.
"""
