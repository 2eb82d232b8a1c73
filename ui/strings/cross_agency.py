"""Strings of the Alur lintas instansi (cross-agency flow) page, its Ringkasan block and its briefing slide."""

HANDOVER = (
    "KASN dibubarkan pada 23 Agustus 2024 (UU 20/2023, Perpres 91 dan 92/2024); tugas pengawasan netralitasnya "
    "beralih ke BKN. Catatan KASN dan BKN dihitung sebagai satu tangan: penerusan ke KASN sebelum tanggal itu "
    "dan ke BKN sesudahnya.",
    "KASN was dissolved on 23 August 2024 (Law 20/2023, Presidential Regulations 91 and 92/2024); its neutrality "
    "oversight passed to BKN. KASN and BKN records count as one hand: forwarding went to KASN before that date "
    "and to BKN after it.",
)

STRINGS = {
    "xa_nav": ("Alur lintas instansi", "Cross-agency flow"),
    "xa_title": ("Alur lintas instansi", "Cross-agency flow"),
    "xa_intro": (
        "Satu orang dalam satu kasus (orang-kasus) melewati beberapa tangan: Bawaslu menerima dan memutus, "
        "meneruskan pelanggaran ke KASN/BKN, KASN/BKN merekomendasikan sanksi, PPK menjatuhkannya. Di mana kasus "
        "berhenti, dan berapa lama tiap tangan?",
        "One person in one case (a person-case) passes through several hands: Bawaslu receives and decides, "
        "forwards a violation to KASN/BKN, KASN/BKN recommends a sanction, the PPK imposes it. Where do cases "
        "stop, and how long does each hand take?",
    ),
    "xa_funnel": ("Dari Bawaslu sampai sanksi PPK", "From Bawaslu to the PPK's sanction"),
    "xa_handover_help": HANDOVER,
    "xa_handover_short": (  # two lines: on one, it ran past a half-page funnel's right edge
        "* KASN sampai 23 Agustus 2024,<br>sesudahnya BKN (KASN dibubarkan).",
        "* KASN until 23 August 2024,<br>BKN after (KASN was dissolved).",
    ),
    "xa_hover_median": ("median {days} hari dari tangan sebelumnya", "median {days} days from the hand before"),
    "xa_entry_note": (
        "{bawaslu} orang-kasus masuk melalui Bawaslu; {direct} masuk tanpa catatan Bawaslu (langsung di KASN/BKN, "
        "atau dari inspektorat atau Kemendagri) dan ditampilkan terpisah.",
        "{bawaslu} person-cases entered through Bawaslu; {direct} entered without a Bawaslu record (directly at "
        "KASN/BKN, or from an inspectorate or Home Affairs) and are shown apart.",
    ),
    "xa_unit": (
        "Satuan: orang-kasus. Orang-kasus dihitung pada setiap tahap sampai tahap terjauhnya; angka di bawah "
        "tiap tahap adalah yang hilang pada serah terima ke tahap itu.",
        "Unit: person-cases. A person-case counts at every stage up to its furthest one; the number under each "
        "stage is what was lost at the hand into it.",
    ),
    "xa_direct": ("Tanpa catatan Bawaslu", "Without a Bawaslu record"),
    "xa_hands": ("Lama tiap serah terima", "How long each hand takes"),
    "xa_hands_note": (
        "Median hari antara tanggal dua tangan, dari orang-kasus yang kedua tanggalnya tercatat: laporan "
        "Bawaslu → putusan Bawaslu → diterima KASN/BKN → rekomendasi KASN/BKN → tanggal sanksi.",
        "Median days between the dates of two hands, of the person-cases with both dates recorded: Bawaslu's "
        "report → Bawaslu's decision → received by KASN/BKN → KASN/BKN's recommendation → sanction date.",
    ),
    "xa_areas": ("Per wilayah", "By area"),
    "xa_drill": ("Rinci ke kabupaten/kota di provinsi", "Drill into the regencies/cities of a province"),
    "xa_drill_none": ("Semua provinsi", "All provinces"),
    "xa_area_note": (
        "Tahap dihitung untuk orang-kasus melalui Bawaslu; orang-kasus ditempatkan di wilayah catatan Bawaslu-nya.",
        "Stages count the person-cases through Bawaslu; a person-case is placed where its Bawaslu record is.",
    ),
    "xa_area_unknown": ("Tidak diketahui (instansi pusat)", "Unknown (central agency)"),
    "xa_stalled": ("Kasus macet", "Stalled cases"),
    "xa_stall_rule": (
        "Macet: tidak ada langkah berikutnya {days} hari atau lebih setelah tangan terakhir, dihitung sampai hari "
        "terakhir data ({day}). Putusan \"bukan pelanggaran\" Bawaslu, \"tidak terbukti\" KASN/BKN dan penerusan "
        "ke instansi lain adalah akhir, bukan macet. N diatur dengan NETRA_STALL_DAYS.",
        "Stalled: no next step {days} days or more after the last hand, counted up to the data's last day "
        "({day}). Bawaslu's \"not a violation\", KASN/BKN's \"not proven\" and a forward to another agency are "
        "ends, not stalls. N is set by NETRA_STALL_DAYS.",
    ),
    "xa_stalled_total": ("{n} orang-kasus macet.", "{n} person-cases stalled."),
    "xa_stalled_shown": (
        "Menunggu paling lama lebih dulu; {shown} dari {total} ditampilkan. Nomor kasus saja, tanpa nama atau NIP.",
        "Longest wait first; {shown} of {total} shown. Case numbers only, no names or NIPs.",
    ),
    "xa_stalled_counts_only": (
        "Daftar kasus macet hanya untuk analis dan admin; peran ini melihat jumlahnya per tahap.",
        "The list of stalled cases is for analysts and admins; this role sees how many per stage.",
    ),
    "xa_none_stalled": ("Tidak ada kasus macet untuk filter ini.", "No stalled cases for these filters."),
    "xa_col_path": ("Jalur", "Path"),
    "xa_col_hand": ("Serah terima", "Hand"),
    "xa_col_median": ("Median hari", "Median days"),
    "xa_col_timed": ("Orang-kasus bertanggal", "Person-cases dated"),
    "xa_col_dropped": ("Hilang di serah terima", "Lost at the hand"),
    "xa_col_stage": ("Tahap terakhir", "Last stage"),
    "xa_col_stalled": ("Macet", "Stalled"),
    "xa_col_waiting": ("Masih menunggu", "Still waiting"),
    "xa_col_ended": ("Berakhir di sini", "Ended here"),
    "xa_col_province": ("Provinsi", "Province"),
    "xa_col_region": ("Kabupaten/kota", "Regency/city"),
    "xa_col_election": ("Pemilihan", "Election"),
    "xa_col_since": ("Tangan terakhir", "Last hand"),
    "xa_col_days": ("Hari menunggu", "Days waiting"),
    "xa_col_cases": ("Nomor kasus", "Case numbers"),
    "xa_ov_title": ("Alur lintas instansi", "Cross-agency flow"),
    "xa_ov_link": ("Buka alur lintas instansi: di mana kasus macet", "Open the cross-agency flow: where cases stall"),
    "bp_piece_cross_agency": ("Alur lintas instansi", "Cross-agency flow"),
    "f_sources_help": (
        "Register siapa catatan itu. " + HANDOVER[0] + " Untuk Pilkada 2024 pilih keduanya. Saat menghitung orang, "
        "sebuah lembaga berarti orang-kasus yang punya catatan dari lembaga itu.",
        "Whose register the record is from. " + HANDOVER[1] + " For Pilkada 2024 choose both. When counting "
        "persons, an agency means person-cases with a record from it.",
    ),
    "xa_about_title": ("Alur lintas instansi", "Cross-agency flow"),
    "xa_about": (
        "Catatan satu orang dalam satu kasus dari register yang berbeda (Bawaslu, KASN/BKN, inspektorat, "
        "Kemendagri) dihubungkan menjadi satu orang-kasus. Tahapnya: Bawaslu menerima (tanggal laporan) → Bawaslu "
        "memutus pelanggaran (tanggal putusan) → diteruskan ke KASN/BKN (tanggal diterima KASN/BKN) → KASN/BKN "
        "merekomendasikan sanksi (tanggal rekomendasi) → PPK menjatuhkan sanksi (tanggal sanksi). Status orang-kasus "
        "adalah tahap terjauhnya. Orang-kasus tanpa catatan Bawaslu ditampilkan terpisah. Macet berarti tidak ada "
        "langkah berikutnya {days} hari atau lebih setelah tangan terakhir, dihitung sampai hari terakhir data.\n\n"
        + HANDOVER[0],
        "The records of one person in one case from different registers (Bawaslu, KASN/BKN, inspectorates, Home "
        "Affairs) are linked into one person-case. Its stages: Bawaslu receives (report date) → Bawaslu decides "
        "it is a violation (decision date) → forwarded to KASN/BKN (date KASN/BKN received it) → KASN/BKN "
        "recommends a sanction (recommendation date) → the PPK imposes it (sanction date). A person-case's status "
        "is its furthest stage. Person-cases without a Bawaslu record are shown apart. Stalled means no next step "
        "{days} days or more after the last hand, counted up to the data's last day.\n\n" + HANDOVER[1],
    ),
}
