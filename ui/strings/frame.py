"""Strings of the frame (sidebar, filters, banners, roles, navigation) and of what every page shares: the filters
in words (ui/views/captions.py) and the marks of numbers (ui/views/numbers.py)."""

STRINGS = {
    "nav_ringkasan": ("Ringkasan", "Overview"),
    "nav_peta": ("Peta", "Map"),
    "nav_rincian": ("Rincian", "Breakdowns"),
    "nav_linimasa": ("Linimasa", "Timeline"),
    "nav_data": ("Data", "Data"),
    "nav_briefing": ("Briefing", "Briefing"),
    "nav_tentang": ("Tentang", "About"),
    "language": ("Bahasa · Language", "Bahasa · Language"),  # one label in both: the switch must not change name
    "filters": ("Filter", "Filters"),
    "f_elections": ("Pemilihan", "Election"),
    "f_basis": ("Dasar tanggal", "Date basis"),
    "f_dates": ("Rentang tanggal", "Date range"),
    "f_provinces": ("Provinsi", "Province"),
    "f_regions": ("Kabupaten/kota", "Regency/city"),
    "f_types": ("Jenis pelanggaran", "Violation type"),
    "f_severities": ("Tingkat", "Severity"),
    "f_statuses": ("Status", "Status"),
    "f_positions": ("Jabatan", "Position"),
    "f_agency_levels": ("Tingkat instansi", "Agency level"),
    "f_sources": ("Sumber data", "Source agency"),
    "f_employee_types": ("Jenis pegawai", "Staff type"),
    "f_employee_types_help": (
        "Bawaan: ASN (PNS, PPPK, dan yang tidak disebut). Non-ASN (kepala desa, honorer) tidak dihitung dalam "
        "angka ASN kecuali dipilih; kosongkan untuk semua pegawai.",
        "Default: ASN (PNS, PPPK and those not stated). Non-ASN (village heads, honorary staff) are left out of ASN "
        "totals unless chosen; clear it for all staff.",
    ),
    "f_unit": ("Hitung", "Count"),
    "f_unit_help": (
        "Orang dalam kasus: seorang ASN dalam satu kasus dihitung sekali, berapa pun register yang mencatatnya "
        "(Bawaslu, KASN/BKN, inspektorat); statusnya tahap terjauh yang dicapai. Catatan register: setiap baris "
        "register dihitung sendiri.",
        "Persons in cases: one civil servant in one case counts once, however many registers hold them (Bawaslu, "
        "KASN/BKN, inspectorate); the status is the furthest stage reached. Register records: every register row "
        "counts on its own.",
    ),
    "f_all": ("Semua", "All"),
    "title_all_elections": ("semua pemilihan", "all elections"),
    "default_election_bad": (
        "Pengaturan `NETRA_DEFAULT_ELECTION={value}` tidak dikenal. Tulis salah satu dari {choices} "
        "(bawaan `latest`: pemilihan terakhir yang punya kasus), lalu mulai ulang dasbor.",
        "The setting `NETRA_DEFAULT_ELECTION={value}` is not known. Write one of {choices} (default `latest`: the "
        "latest election that has cases), then restart the dashboard.",
    ),
    "f_more": ("Filter lainnya", "More filters"),
    "f_reset": ("Atur ulang filter", "Reset filters"),
    "f_active": ("Filter aktif: {n}", "Active filters: {n}"),  # no plural to get wrong ('1 active filters')
    "f_none": ("Tanpa filter: semua kasus ASN", "No filters: every ASN case"),
    "f_summary": ("**Filter aktif: {n}** — {caption}", "**Active filters: {n}** — {caption}"),
    "synthetic_banner": (
        "**DATA SINTETIS** — angka di dasbor ini dibuat untuk demonstrasi, dikalibrasi ke angka yang "
        "dipublikasikan, dan bukan data kasus yang sebenarnya.",
        "**SYNTHETIC DATA** — the figures in this dashboard are generated for demonstration, calibrated to "
        "published figures; they are not real case records.",
    ),
    "data_as_of": ("Data per {when}", "Data as of {when}"),
    "no_warehouse": (
        "Belum ada gudang data. Jalankan `make run` (membangun data demo) atau muat register dengan "
        "`python -m etl load FILE…`.",
        "No warehouse yet. Run `make run` (builds the demo data) or load registers with "
        "`python -m etl load FILE…`.",
    ),
    "gen_broken_admin": (
        "**Generasi gudang data yang terbit tidak dapat dibaca:** {broken}. Dasbor menampilkan generasi sah "
        "terbaru, **{serving}**, sampai diperbaiki. Periksa semua generasi dengan `python -m etl generations`, lalu "
        "terbitkan lagi yang sah: `python -m etl restore {serving}`.",
        "**The published warehouse generation cannot be read:** {broken}. The dashboard shows the newest sound "
        "generation, **{serving}**, until it is mended. List every generation with `python -m etl generations`, "
        "then publish a sound one again: `python -m etl restore {serving}`.",
    ),
    "gen_none_admin": (
        "**Tidak ada generasi gudang data yang dapat dibaca:** {broken}. Lihat `python -m etl generations`; "
        "terbitkan lagi generasi yang sah dengan `python -m etl restore ID`, atau muat register lagi.",
        "**No warehouse generation can be read:** {broken}. See `python -m etl generations`; publish a sound "
        "generation again with `python -m etl restore ID`, or load the registers again.",
    ),
    "gen_unavailable": (
        "Data sedang tidak dapat ditampilkan. Admin sudah diberi tahu; coba lagi nanti.",
        "The data cannot be shown right now. The administrators have been told; please try again later.",
    ),
    "role": ("Peran", "Role"),
    "role_publik": ("Publik (agregat, angka kecil disembunyikan)", "Public (aggregates, small counts withheld)"),
    "role_pimpinan": ("Pimpinan (agregat saja)", "Leadership (aggregates only)"),
    "role_analis": ("Analis (tanpa nama, NIP disamarkan)", "Analyst (no names, NIP masked)"),
    "role_admin": ("Admin (data pribadi, muat data)", "Admin (personal data, loading)"),
    "role_demo_hint": (
        "Mode demo: semua pengguna admin. Pilih peran lain untuk melihat tampilan mereka.",
        "Demo mode: everyone is admin. Pick another role to preview what they see.",
    ),
    "login_title": ("Masuk", "Sign in"),
    "login_user": ("Nama pengguna", "Username"),
    "login_password": ("Kata sandi", "Password"),
    "login_button": ("Masuk", "Sign in"),
    "login_failed": ("Nama pengguna atau kata sandi salah.", "Wrong username or password."),
    "login_empty": ("Isi kata sandi.", "Enter the password."),
    "login_wait": (
        "Terlalu banyak percobaan gagal. Coba lagi dalam {seconds} detik.",
        "Too many failed attempts. Try again in {seconds} seconds.",
    ),
    "users_file_broken": (
        "Netra tidak bisa dibuka: berkas pengguna rusak, jadi tidak ada yang bisa masuk. Untuk admin: {problem} "
        "Perbaiki berkas itu (lihat README, bagian Peran), lalu muat ulang halaman.",
        "Netra cannot open: the users file is broken, so nobody can sign in. For the admin: {problem} "
        "Fix that file (see the README, Roles), then reload the page.",
    ),
    "logout": ("Keluar", "Sign out"),
    "signed_in_as": ("Masuk sebagai {user} ({role})", "Signed in as {user} ({role})"),
    # the filters in words, under every chart (ui/views/captions.py): one name per Filters field
    "cap_elections": ("Pemilihan", "Election"),
    "cap_provinces": ("Provinsi", "Province"),
    "cap_regions": ("Kab/kota", "Regency/city"),
    "cap_violation_types": ("Jenis", "Type"),
    "cap_severities": ("Tingkat", "Severity"),
    "cap_statuses": ("Status", "Status"),
    "cap_positions": ("Jabatan", "Position"),
    "cap_agency_levels": ("Instansi", "Agency level"),
    "cap_source_agencies": ("Sumber", "Source"),
    "cap_more": ("+{n} lainnya", "+{n} more"),
    "cap_asn_only": ("ASN (tanpa non-ASN)", "ASN (non-ASN left out)"),
    "cap_all_employees": ("Semua pegawai, termasuk non-ASN", "All staff, non-ASN included"),
    "cap_employee_types": ("Pegawai", "Staff"),
    "cap_records_table": (
        "satu baris per catatan register: orang yang tercatat di beberapa register muncul sekali per register",
        "one row per register record: a person held in several registers appears once per register",
    ),
    "cap_period": ("{start} s.d. {end}", "{start} to {end}"),
    # decimal mark, then thousands mark (ui/views/numbers.py; plotly's layout.separators)
    "num_separators": (",.", ".,"),
    # a public view (role publik, ui/views/disclosure.py): the marker of a withheld count, and how numbers are made
    "withheld": ("< 5", "< 5"),
    "publik_note": (
        "Tampilan publik: jumlah di bawah {threshold} kasus ditampilkan \"< {threshold}\", jumlah lain dibulatkan ke "
        "bawah ke kelipatan {base}; persentase dan laju dihitung dari angka yang dibulatkan.",
        "Public view: counts below {threshold} cases are shown as \"< {threshold}\", other counts are rounded "
        "down to a multiple of {base}; percentages and rates are computed from the rounded counts.",
    ),
    # a link whose parameters were partly ignored (ui/views/links.py)
    "link_ignored": (
        "Sebagian isi tautan ini diabaikan: {items}. Sisanya dipakai.",
        "Part of this link was ignored: {items}. The rest applies.",
    ),
    "link_more": ("Dan {n} nilai lain.", "And {n} more values."),
    "link_why_unknown_parameter": ("parameter tidak dikenal", "unknown parameter"),
    "link_why_unknown_value": ("nilai tidak dikenal", "unknown value"),
    "link_why_duplicate": ("sudah disebut", "already given"),
    "link_why_not_a_date": ("bukan tanggal TTTT-BB-HH", "not a YYYY-MM-DD date"),
    "link_why_out_of_range": ("di luar {first} s.d. {last}", "outside {first} to {last}"),
    "link_why_too_many": ("terlalu banyak nilai", "too many values"),
    "link_why_too_long": ("tautan terlalu panjang", "link too long"),
    "empty_state": (
        "Tidak ada kasus untuk filter ini. Longgarkan filter di bilah samping atau atur ulang.",
        "No cases match these filters. Loosen the filters in the sidebar or reset them.",
    ),
}
