"""A valid forum-session POST for the forum's tests (shared helpers: komunitas/testing.py)."""

import datetime as dt


def session_payload(program, *, presenters, present=(), absent=(), follow_ups=(), **overrides) -> dict:
    """What a teacher types into the "log a forum session" form."""
    data = {
        "title": "Asesmen formatif dengan tiket keluar",
        "date": (program.start_date + dt.timedelta(days=8)).isoformat(),  # week 2
        "start_time": "13:30",
        "end_time": "15:00",
        "place": "Ruang guru",
        "facilitator": "",
        "status": "held",
        "format": "small_group",
        "topic_category": "assessment",
        "presenters": [p.pk for p in presenters],
        "notetaker": "",
        "agenda": "Paparan; diskusi; RTL",
        "opening": "Dibuka oleh fasilitator",
        "practice": "Tiket keluar di akhir pelajaran.\n\n- Satu pertanyaan\n- Dua menit",
        "discussion_notes": "Bagaimana untuk kelas besar?",
        "conclusion": "Dicoba minggu depan.",
        "rtl-TOTAL_FORMS": str(max(len(follow_ups), 1)),
        "rtl-INITIAL_FORMS": "0",
        "rtl-MIN_NUM_FORMS": "0",
        "rtl-MAX_NUM_FORMS": "30",
    }
    for index, item in enumerate(follow_ups):
        for key, value in item.items():
            data[f"rtl-{index}-{key}"] = value
    for person in present:
        data[f"att-p{person.pk}"] = "present"
    for person in absent:
        data[f"att-p{person.pk}"] = "absent"
    data.update(overrides)
    return data
