"""The practice shared reads as paragraphs and lists, with no HTML from users."""

from forums.templatetags.forum_text import paragraphs


def test_paragraphs_and_lists():
    text = "Langkah kerja:\n- satu\n- dua\n\nPenutup <b>tebal</b>\n1. a\n2) b"
    assert paragraphs(text) == (
        "<p>Langkah kerja:</p><ul><li>satu</li><li>dua</li></ul>"
        "<p>Penutup &lt;b&gt;tebal&lt;/b&gt;</p><ol><li>a</li><li>b</li></ol>"
    )


def test_empty_text():
    assert paragraphs("") == ""
