"""The parent classes' pages, one module per part (check_in.py: the staff side of the self check-in; public.py:
the page parents open without an account)."""
