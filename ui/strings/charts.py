"""Strings inside the shared chart builders (ui/figures/charts.py) and the headline cards (ui/views/kpis.py)."""

STRINGS = {
    "ch_unknown": ("Tidak diketahui", "Unknown"),
    "ch_cases": ("kasus", "cases"),
    "ch_proven": ("terbukti", "proven"),
    "ch_count": ("Jumlah kasus", "Cases"),
    "ch_share": ("Porsi kasus", "Share of cases"),
    "ch_week_of": ("Pekan", "Week of"),
    "ch_months": (  # month ticks, January first (plotly.js alone names months in English only)
        "Jan Feb Mar Apr Mei Jun Jul Agu Sep Okt Nov Des", "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec"
    ),
    "ch_stage_reported": ("Dilaporkan", "Reported"),
    "ch_stage_proven": ("Terbukti", "Proven"),
    "ch_stage_sanctioned": ("Disanksi", "Sanctioned"),
    "kpi_reported": ("Dilaporkan", "Reported"),
    "kpi_proven": ("Terbukti", "Proven"),
    "kpi_sanctioned": ("Disanksi", "Sanctioned"),
    "kpi_median_days": ("Median hari sampai putusan", "Median days to decision"),
    # under the cards when the employee-type filter leaves non-ASN out (ui/views/kpis.py non_asn_note)
    "kpi_non_asn_orang": (
        "Angka ini hanya ASN: {n} orang-kasus non-ASN (kepala desa, honorer) tidak dihitung; pilih mereka di filter "
        "jenis pegawai.",
        "These numbers are ASN only: {n} non-ASN person-cases (village heads, honorary staff) are left out; choose "
        "them in the staff-type filter.",
    ),
    "kpi_non_asn_catatan": (
        "Angka ini hanya ASN: {n} catatan non-ASN (kepala desa, honorer) tidak dihitung; pilih mereka di filter "
        "jenis pegawai.",
        "These numbers are ASN only: {n} non-ASN records (village heads, honorary staff) are left out; choose them "
        "in the staff-type filter.",
    ),
    "kpi_days_unit": ("hari", "days"),
    "kpi_reported_help": (
        "ASN yang dilaporkan (satu baris per orang per kasus).",
        "Civil servants reported (one row per person per case).",
    ),
    "kpi_proven_help": (
        "Terbukti melanggar (status terbukti atau disanksi); persen dari yang dilaporkan.",
        "Found in breach (status proven or sanctioned); percent of those reported.",
    ),
    "kpi_sanctioned_help": (
        "Sudah dijatuhi sanksi oleh PPK; persen dari yang terbukti.",
        "Sanctioned by the appointing official (PPK); percent of those proven.",
    ),
    "kpi_median_days_help": (
        "Median jumlah hari dari tanggal laporan sampai tanggal putusan, untuk kasus yang sudah diputus.",
        "Median days from the report date to the decision date, for cases already decided.",
    ),
    "kpi_before": (
        "Perubahan: {recent} dibanding {before} periode sebelumnya. {compared}",
        "Change: {recent} against {before} in the previous period. {compared}",
    ),
    "kpi_period": (
        "Periode {start} s.d. {end} ({days} hari; tanpa rentang tanggal: 90 hari terakhir data) dibandingkan "
        "dengan periode sama panjang sebelumnya, {prev_start} s.d. {prev_end}.",
        "Period {start} to {end} ({days} days; with no date range: the last 90 days of data) compared with the "
        "previous period of equal length, {prev_start} to {prev_end}.",
    ),
    "kpi_aged": (
        "Terbukti, disanksi dan median dibandingkan pada umur yang sama, karena putusan dan sanksi butuh waktu: "
        "kasus periode terkini dihitung sampai {recent_as_of}, kasus periode sebelumnya sampai {before_as_of} "
        "({days} hari setelah masing-masing periode berakhir).",
        "Proven, sanctioned and the median are compared at the same age, since decisions and sanctions take time: "
        "the recent period's cases as they stood on {recent_as_of}, the previous period's on {before_as_of} "
        "({days} days after each period ended).",
    ),
    "kpi_not_aged": (
        "Perubahan tidak ditampilkan: {count} kasus {stage} tidak mencatat tanggalnya, jadi kedua periode tidak "
        "bisa dibandingkan pada umur yang sama.",
        "No change shown: {count} {stage} cases carry no date for it, so the two periods cannot be compared at "
        "the same age.",
    ),
    "kpi_nothing_before": (
        "Periode sebelumnya tidak memuat kasus, jadi perubahan tidak ditampilkan.",
        "The previous period holds no cases, so no change is shown.",
    ),
    "kpi_no_period": (
        "Tidak ada tanggal pada kasus terpilih, jadi tidak ada periode pembanding.",
        "The chosen cases carry no dates, so there is no period to compare with.",
    ),
}
