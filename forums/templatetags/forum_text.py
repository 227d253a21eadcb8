"""``{{ text|paragraphs }}``: plain text written in a form, shown as paragraphs and lists.

Blank lines separate paragraphs; lines starting with "- ", "* " or "• " become a bulleted list, lines starting
with "1. ", "2) " … a numbered list. Everything is escaped: no HTML from users reaches the page.
"""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

BULLET = re.compile(r"^\s*[-*•]\s+")
NUMBER = re.compile(r"^\s*\d+[.)]\s+")


def _block(lines: list[str]) -> str:
    if all(BULLET.match(line) for line in lines):
        items = "".join(f"<li>{escape(BULLET.sub('', line))}</li>" for line in lines)
        return f"<ul>{items}</ul>"
    if all(NUMBER.match(line) for line in lines):
        items = "".join(f"<li>{escape(NUMBER.sub('', line))}</li>" for line in lines)
        return f"<ol>{items}</ol>"
    return "<p>" + "<br>".join(escape(line) for line in lines) + "</p>"


@register.filter(is_safe=True)
def paragraphs(text: str) -> str:
    if not text:
        return ""
    blocks, current, kind = [], [], None
    for line in str(text).replace("\r\n", "\n").split("\n"):
        if not line.strip():
            if current:
                blocks.append(current)
            current, kind = [], None
            continue
        line_kind = "ul" if BULLET.match(line) else "ol" if NUMBER.match(line) else "p"
        # A list right after a paragraph line (no blank line between) still starts its own block.
        if current and line_kind != kind:
            blocks.append(current)
            current = []
        current.append(line.rstrip())
        kind = line_kind
    if current:
        blocks.append(current)
    return mark_safe("".join(_block(block) for block in blocks))
