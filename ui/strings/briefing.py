"""Strings of exports and the briefing page: captions, buttons, pack slides, progress."""

STRINGS = {
    # caption block under every exported chart
    "export_data_as_of": ("Data per {when}", "Data as of {when}"),
    "export_source": (
        "Sumber: {sources} (register kasus yang dimuat ke Netra)",
        "Source: {sources} (case registers loaded into Netra)",
    ),
    "export_source_none": (
        "Sumber: register kasus yang dimuat ke Netra", "Source: case registers loaded into Netra"
    ),
    "export_synthetic": (
        "DATA SINTETIS — dibuat untuk demonstrasi, bukan data kasus yang sebenarnya",
        "SYNTHETIC DATA — generated for demonstration, not real case records",
    ),
    # when the server cannot render (ui/export/renderer.py)
    "export_no_browser": (
        "Ekspor gambar tidak tersedia: peramban Chromium tidak ditemukan di server. Minta admin memasang paket "
        "Debian `chromium` (`make setup`) atau mengisi BROWSER_PATH; bagian lain dasbor tetap dapat dipakai.",
        "Image export is unavailable: the Chromium browser was not found on the server. Ask the admin to install "
        "the Debian `chromium` package (`make setup`) or to set BROWSER_PATH; the rest of the dashboard still works.",
    ),
    "export_browser_failed": (
        "Ekspor gambar gagal: peramban Chromium di server tidak dapat dijalankan atau berhenti ({detail}). "
        "Coba lagi sebentar lagi; bila tetap gagal, minta admin memeriksa pemasangan Chromium.",
        "Image export failed: the Chromium browser on the server could not start or stopped ({detail}). "
        "Try again in a moment; if it keeps failing, ask the admin to check the Chromium installation.",
    ),
    "export_render_failed": (
        "Grafik ini tidak dapat diubah menjadi gambar ({detail}). Coba lagi, atau ubah filter lalu ekspor ulang.",
        "This chart could not be turned into an image ({detail}). Try again, or change the filters and export again.",
    ),
    # per-chart download buttons
    "export_png": ("PNG", "PNG"),
    "export_svg": ("SVG", "SVG"),
    "export_pdf": ("PDF", "PDF"),
    "export_help": (
        "Unduh grafik ini sebagai {fmt}, dengan judul, filter, tanggal data dan sumber di bawahnya",
        "Download this chart as {fmt}, with its title, filters, data date and source underneath",
    ),
    # briefing page
    "bp_title": ("Paket briefing", "Briefing pack"),
    "bp_intro": (
        "Pilih grafik, beri judul dan catatan, lalu buat paket PPTX (16:9) atau PDF. Setiap grafik diberi "
        "keterangan filter yang sedang aktif di bilah samping, tanggal data dan sumbernya.",
        "Choose the charts, give a title and a note, then build a PPTX (16:9) or PDF pack. Every chart is "
        "captioned with the filters now set in the sidebar, the data date and the source.",
    ),
    "bp_charts": ("Grafik", "Charts"),
    "bp_pack_title": ("Judul", "Title"),
    "bp_default_title": ("Netralitas ASN — ringkasan untuk rapat", "Civil service neutrality — meeting brief"),
    "bp_note": ("Catatan (opsional, tampil di slide judul)", "Note (optional, shown on the title slide)"),
    "bp_format": ("Format", "Format"),
    "bp_build": ("Buat paket", "Build the pack"),
    "bp_building": ("Menyusun paket…", "Building the pack…"),
    "bp_step": ("{done}/{total}: {what}", "{done}/{total}: {what}"),
    "bp_done": ("Paket siap ({seconds} detik).", "Pack ready ({seconds} s)."),
    "bp_failed": ("Paket gagal dibuat.", "The pack could not be built."),
    "bp_download": ("Unduh {fmt}", "Download {fmt}"),
    "bp_none_chosen": ("Pilih sedikitnya satu grafik.", "Choose at least one chart."),
    # the pieces of a pack
    "bp_piece_kpis": ("Angka utama", "Headline numbers"),
    "bp_piece_funnel": ("Alur penanganan", "Enforcement funnel"),
    "bp_piece_map": ("Peta kasus", "Case map"),
    "bp_piece_breakdowns": ("Rincian jenis dan tingkat", "Type and severity breakdown"),
    "bp_piece_timeline": ("Linimasa mingguan", "Weekly timeline"),
    "bp_piece_prepost": (
        "Laju mingguan per tahapan, sebelum dan sejak hari-H", "Weekly rate per stage, before and since voting day"
    ),
    # the headline cards as a slide: no tooltip there, so each label says what its percentage is of
    "bp_kpi_reported": ("Dilaporkan", "Reported"),
    "bp_kpi_proven": ("Terbukti (% dilaporkan)", "Proven (% of reported)"),
    "bp_kpi_sanctioned": ("Disanksi (% terbukti)", "Sanctioned (% of proven)"),
    "bp_kpi_median_days": ("Median hari lapor → putusan", "Median days report → decision"),
    # slides and pages
    "bp_made": ("Dibuat {when}", "Made {when}"),
    "bp_filters": ("Filter: {filters}", "Filters: {filters}"),
    "bp_sources_title": ("Sumber dan metode", "Sources and method"),
    "bp_sources_body": (
        "{sources}; data per {when}.\n"
        "Satu baris = satu ASN yang dilaporkan dalam satu kasus. Dilaporkan = semua baris; terbukti = status "
        "terbukti atau disanksi; disanksi = status disanksi.\n"
        "Tingkat pelanggaran yang kosong diisi menurut matriks SKB 2022 (sebelum penetapan calon: kode etik; "
        "sesudahnya: umumnya berat).\n"
        "Batas wilayah: kode Kemendagri; jumlah PNS per provinsi: BPS 2023.\n"
        "Semua grafik memakai filter yang sama: {filters}.",
        "{sources}; data as of {when}.\n"
        "One row = one civil servant reported in one case. Reported = all rows; proven = status proven or "
        "sanctioned; sanctioned = status sanctioned.\n"
        "Missing severities are filled in from the SKB 2022 matrix (before candidates are set: code of ethics; "
        "after: mostly severe).\n"
        "Regions: Kemendagri codes; civil servants per province: BPS 2023.\n"
        "Every chart uses the same filters: {filters}.",
    ),
    "bp_unknown_date": ("tanggal tidak diketahui", "unknown date"),
}
