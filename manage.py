#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "komunitas.settings")
    # manage.py is the developer's tool: development settings unless DEBUG is given. Production runs
    # gunicorn through wsgi.py, where DEBUG stays off unless set (and `make serve` passes DEBUG=0 here too).
    os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
