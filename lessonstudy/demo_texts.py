"""The words of the demo's lesson study (lessonstudy/demo.py): two Matematika cycles in 8A — persamaan then
pertidaksamaan linear satu variabel — and an IPA cycle being planned, as a school's team would write them."""

RESEARCH_THEME = (
    "Siswa aktif bernalar dan berdiskusi dalam kelompok: bagaimana tugas kontekstual dan peran dalam kelompok "
    "membuat setiap siswa ikut memecahkan masalah?"
)

# (key, title, subject, topic, goals)
CYCLES = [
    ("plsv", "Siklus 1: Persamaan linear satu variabel", "Matematika", "Persamaan linear satu variabel (PLSV)",
     "Siswa memahami makna menjaga keseimbangan saat menyelesaikan persamaan, bukan sekadar 'pindah ruas'."),
    ("ptlsv", "Siklus 2: Pertidaksamaan linear satu variabel", "Matematika",
     "Pertidaksamaan linear satu variabel (PtLSV)",
     "Siswa menyelesaikan pertidaksamaan dari masalah sehari-hari dan menjelaskan alasan setiap langkahnya."),
    ("getaran", "Siklus 3: Getaran dan gelombang", "IPA", "Getaran, gelombang, dan bunyi",
     "Siswa merancang percobaan sederhana untuk menyelidiki frekuensi getaran bandul."),
]  # fmt: skip

STEPS = {
    "plsv": [
        {"activity": "Apersepsi: timbangan dua lengan dengan kantong kelereng dan anak timbangan", "minutes": 10,
         "anticipated": "Siswa menebak isi kantong tanpa alasan; guru bertanya 'bagaimana kamu tahu?'",
         "observe": "Siapa yang mulai memberi alasan, siapa yang diam"},
        {"activity": "Diskusi kelompok dengan LKPD: lima masalah timbangan menjadi persamaan", "minutes": 25,
         "anticipated": "Siswa 'memindahkan' bilangan tanpa mengubah tanda; guru meminta mereka mengecek dengan "
                        "timbangan", "observe": "Miskonsepsi pindah ruas; pembagian peran dalam kelompok"},
        {"activity": "Presentasi dua kelompok dengan cara yang berbeda", "minutes": 15,
         "anticipated": "Kelompok lain menyalin jawaban; guru meminta membandingkan dua cara",
         "observe": "Pertanyaan antarsiswa; siapa yang menanggapi"},
        {"activity": "Refleksi dan tiket keluar: satu soal PLSV dan satu kalimat 'yang saya pahami hari ini'",
         "minutes": 10, "anticipated": "Sebagian siswa hanya menulis jawaban akhir",
         "observe": "Apakah siswa menuliskan langkah yang menjaga keseimbangan"},
    ],
    "ptlsv": [
        {"activity": "Apersepsi: kartu masalah 'uang saku Rp20.000, berapa banyak pulpen yang bisa dibeli?'",
         "minutes": 10, "anticipated": "Siswa menjawab satu bilangan saja; guru bertanya 'bisa berapa lagi?'",
         "observe": "Siapa yang menyadari jawabannya lebih dari satu"},
        {"activity": "Kelompok menyusun pertidaksamaan dari tiga kartu masalah, setiap anggota memegang satu peran "
                     "(pembaca, penulis, pemeriksa, juru bicara)", "minutes": 25,
         "anticipated": "Tanda pertidaksamaan tidak dibalik saat dikali bilangan negatif; guru meminta mencoba "
                        "satu bilangan", "observe": "Apakah peran dijalankan; miskonsepsi tanda"},
        {"activity": "Garis bilangan di papan: kelompok menempelkan himpunan penyelesaian", "minutes": 15,
         "anticipated": "Bulatan penuh dan kosong tertukar", "observe": "Cara siswa memeriksa jawaban kelompok lain"},
        {"activity": "Tiket keluar dan refleksi peran dalam kelompok", "minutes": 10,
         "anticipated": "Siswa menulis 'seru' tanpa alasan", "observe": "Siswa yang biasanya diam: menulis apa?"},
    ],
    "getaran": [
        {"activity": "Demonstrasi bandul dari benang dan mur", "minutes": 10,
         "anticipated": "Siswa mengira bandul lebih berat berayun lebih cepat", "observe": "Dugaan awal siswa"},
        {"activity": "Kelompok merancang percobaan: mengubah panjang tali atau massa beban", "minutes": 30,
         "anticipated": "Mengubah dua variabel sekaligus", "observe": "Cara kelompok memutuskan variabel"},
        {"activity": "Menyajikan data dalam tabel dan grafik", "minutes": 15,
         "anticipated": "Menghitung ayunan tidak konsisten", "observe": "Siapa yang mencatat dan menghitung"},
        {"activity": "Kesimpulan dan tiket keluar", "minutes": 10,
         "anticipated": "Kesimpulan tidak sesuai data", "observe": "Apakah kesimpulan merujuk ke data"},
    ],
}  # fmt: skip

OBJECTIVES = {
    "plsv": "1. Siswa dapat memodelkan masalah timbangan sebagai persamaan linear satu variabel.\n"
    "2. Siswa dapat menyelesaikan PLSV dengan menjaga keseimbangan kedua ruas dan menjelaskan alasannya.",
    "ptlsv": "1. Siswa dapat menyusun pertidaksamaan linear satu variabel dari masalah sehari-hari.\n"
    "2. Siswa dapat menentukan dan menggambarkan himpunan penyelesaiannya pada garis bilangan.",
    "getaran": "1. Siswa dapat merancang percobaan dengan satu variabel bebas.\n"
    "2. Siswa dapat menyimpulkan hubungan panjang tali dan frekuensi dari data.",
}
MATERIALS = {
    "plsv": "Timbangan dua lengan (6 buah), kantong kelereng, LKPD 'Menjaga Keseimbangan', kertas plano, spidol.",
    "ptlsv": "Kartu masalah (3 per kelompok), kartu peran, garis bilangan besar di papan, LKPD, tiket keluar.",
    "getaran": "Benang, mur, statif, stopwatch ponsel, penggaris, LKPD percobaan.",
}
GUIDANCE = {
    "plsv": "Amati siswa, bukan guru. Catat kata-kata siswa saat berdiskusi, siapa yang tidak terlibat, dan "
    "kapan siswa mulai menggunakan ide keseimbangan.",
    "ptlsv": "Amati kelompok Anda: apakah setiap peran dijalankan, kapan siswa bingung soal tanda, dan siapa "
    "yang membantu temannya. Catat waktu setiap kejadian.",
    "getaran": "Amati bagaimana kelompok memutuskan variabel yang diubah dan bagaimana data dicatat.",
}
# Why each version after the first was saved (per cycle, in order).
VERSION_NOTES = {
    "plsv": ["", "Waktu diskusi kelompok ditambah; soal LKPD dikurangi dari tujuh menjadi lima."],
    "ptlsv": [
        "Disalin dari Siklus 1 (rencana yang sudah direvisi).",
        "Disesuaikan untuk pertidaksamaan: kartu masalah dan garis bilangan.",
    ],
    "getaran": [""],
}

# The revision after each reflection: (what changed, the row added at the start of the design table).
REVISION = {
    "plsv": ("Revisi setelah refleksi: kartu peran dalam kelompok dan satu soal pemantik kontekstual.",
             {"activity": "Pembagian kartu peran (pembaca, penulis, pemeriksa, juru bicara)", "minutes": 5,
              "anticipated": "Siswa ingin memilih peran sendiri", "observe": "Apakah peran dijalankan"}),
    "ptlsv": ("Revisi setelah refleksi: contoh penyangkal sebelum aturan membalik tanda.",
              {"activity": "Contoh penyangkal: -2x > 6, coba x = 0 dan x = -4", "minutes": 5,
               "anticipated": "Siswa terkejut jawabannya salah", "observe": "Siapa yang mengajukan alasan"}),
}  # fmt: skip

REFLECTIONS = {
    "plsv": {
        "model_teacher_view": "Saya merasa waktu untuk LKPD masih kurang. Beberapa kelompok selesai cepat, "
        "tetapi kelompok di belakang banyak yang menunggu satu teman yang menulis.",
        "observers_view": "Kelompok 2 dan 5 sering 'memindahkan' bilangan tanpa mengecek timbangan. Di kelompok 4 "
        "hanya dua dari empat siswa yang menulis; yang lain memperhatikan. Saat presentasi, siswa mulai bertanya "
        "'kenapa dibagi dua-duanya?' — pertanyaan yang bagus.",
        "findings": "Timbangan membantu siswa memahami keseimbangan, tetapi miskonsepsi pindah ruas muncul lagi "
        "saat soal tanpa gambar. Pembagian kerja dalam kelompok belum merata: siswa yang pendiam tidak mendapat "
        "giliran.",
        "revisions": "Setiap anggota kelompok memegang kartu peran. Soal pemantik kontekstual di awal. Satu soal "
        "LKPD tanpa gambar timbangan untuk melihat apakah ide keseimbangan dipakai.",
    },
    "ptlsv": {
        "model_teacher_view": "Kartu peran membuat kelompok lebih teratur. Saya kesulitan menjelaskan mengapa tanda "
        "dibalik; saya langsung memberi aturannya.",
        "observers_view": "Semua kelompok menjalankan peran; juru bicara kelompok 3 yang biasanya diam berani "
        "presentasi. Tiga kelompok tidak membalik tanda saat mengali -1 dan baru sadar setelah mencoba bilangan.",
        "findings": "Peran dalam kelompok meningkatkan keterlibatan siswa yang pendiam. Siswa memahami membalik "
        "tanda ketika menemukan sendiri contoh penyangkal, bukan dari aturan guru.",
        "revisions": "Mulai dengan contoh penyangkal sebelum aturan membalik tanda. Pertahankan kartu peran dan "
        "garis bilangan besar.",
    },
}

# Notes an observer takes during an open lesson, by tag (``{name}``: a student tagged in the note); each cycle's
# own (``CYCLE_NOTES``) come first.
NOTES = {
    "engagement": [
        "{name} langsung mencoba menimbang kantong kelereng sebelum diminta.",
        "Kelompok ini semua menunduk ke LKPD, tidak ada yang bermain ponsel.",
        "{name} melihat ke luar jendela selama lima menit, belum menulis apa pun.",
    ],
    "collaboration": [
        "{name} menjelaskan langkahnya kepada teman sebangku dengan menunjuk timbangan.",
        "Hanya satu siswa yang menulis; yang lain menunggu.",
        "Kelompok membagi soal: dua orang mengerjakan nomor 1–2, dua orang nomor 3–4.",
    ],
    "misconception": [
        "{name} memindahkan 5 ke ruas kanan tetapi tetap menulis +5.",
        "Kelompok menganggap 2x = 10 berarti x = 10 − 2.",
        "{name} membagi ruas kiri saja dengan 2.",
    ],
    "question": [
        "{name} bertanya: 'kalau kantongnya dua, dibagi dua juga?'",
        "Siswa bertanya kepada guru apakah boleh memakai cara coba-coba.",
    ],
    "insight": [
        "{name}: 'yang penting kiri dan kanan tetap sama beratnya.'",
        "Kelompok menemukan sendiri bahwa mengurangi dari kedua ruas sama dengan mengambil kelereng dari dua sisi.",
    ],
}
CYCLE_NOTES = {
    "ptlsv": {
        "misconception": [
            "{name} mengalikan kedua ruas dengan −1 tetapi tanda < tidak dibalik.",
            "Kelompok menggambar bulatan penuh untuk x > 3.",
        ],
        "question": ["{name} bertanya: 'kenapa jawabannya banyak, Bu?'"],
        "insight": [
            "{name} mencoba x = 0 dan menemukan pertidaksamaannya salah, lalu membalik tanda.",
            "Juru bicara kelompok menjelaskan garis bilangan dengan percaya diri.",
        ],
        "collaboration": [
            "Pemeriksa kelompok meminta penulis mengulang langkah ketiga.",
            "{name} membantu pembaca memahami kartu masalah.",
        ],
    },
}

LATE_NOTE = "Catatan setelah pelajaran: saat bel berbunyi kelompok ini belum selesai soal terakhir."

PHOTO_CAPTION = "Siswa berdiskusi dalam kelompok saat pembelajaran terbuka"
