"""Strings of the Linimasa page and its charts (keys start with tl_)."""

STRINGS = {
    "tl_title": ("Linimasa menurut tahapan pemilihan", "Timeline by election stage"),
    "tl_intro": (
        "Kapan pelanggaran terjadi dibanding tahapan dan hari pemungutan suara (hari-H), dan apakah sedang naik.",
        "When violations happen relative to the election stages and voting day (H), and whether they are rising.",
    ),
    "tl_pick_election": ("Pemilihan untuk linimasa", "Election for the timeline"),
    "tl_pick_note": (
        "Tahapan dan hari-H berlaku untuk satu pemilihan: linimasa menampilkan {election}. Pilih satu pemilihan "
        "di bilah samping atau di sini untuk melihat yang lain.",
        "Stages and voting day belong to one election: the timeline shows {election}. Choose one election in the "
        "sidebar or here to see another.",
    ),
    "tl_granularity": ("Satuan waktu", "Time unit"),
    "tl_gran_week": ("Per minggu", "Weekly"),
    "tl_gran_day": ("Per hari", "Daily"),
    "tl_axis": ("Sumbu waktu", "Time axis"),
    "tl_axis_calendar": ("Tanggal", "Calendar date"),
    "tl_axis_hday": ("Hari dari hari-H", "Days from voting day"),  # short: its control has a third of the page
    "tl_axis_hday_title": ("Hari dari hari pemungutan suara", "Days from voting day"),
    "tl_stack": ("Rinci menurut", "Break down by"),
    "tl_stack_violation_type": ("Jenis pelanggaran", "Violation type"),
    "tl_stack_severity": ("Tingkat", "Severity"),
    "tl_stack_province_code": ("Provinsi", "Province"),
    "tl_per_week": ("Kasus per minggu", "Cases per week"),
    "tl_per_day": ("Kasus per hari", "Cases per day"),
    "tl_voting_day": ("Hari pemungutan suara {day}", "Voting day {day}"),
    "tl_voting_day_short": ("Hari pemungutan suara (H)", "Voting day (H)"),
    "tl_spike": ("Lonjakan", "Spike"),
    "tl_incomplete": ("Belum lengkap", "Incomplete"),
    "tl_other_provinces": ("Provinsi lainnya", "Other provinces"),
    "tl_weeks_note": (
        "Minggu dihitung dari hari-H: minggu H … H+6 dimulai pada hari pemungutan suara. Pita berwarna = tahapan "
        "(hari pertama dan terakhir termasuk). {undated}",
        "Weeks are counted from voting day: the week H … H+6 starts on voting day. Coloured bands = stages (first "
        "and last day included). {undated}",
    ),
    "tl_incomplete_note": (
        "Daerah abu-abu: {n} {unit} terakhir belum lengkap — 90% kasus dilaporkan dalam {lag} hari setelah "
        "kejadian, dan tanggal terakhir di data adalah {last}.",
        "Grey area: the last {n} {unit} are incomplete — 90% of cases are reported within {lag} days of the "
        "incident, and the latest date in the data is {last}.",
    ),
    "tl_unit_week": ("minggu", "weeks"),
    "tl_unit_day": ("hari", "days"),
    "tl_tab_prepost": ("Sebelum & sejak hari-H", "Before & since voting day"),
    "tl_tab_spikes": ("Lonjakan", "Spikes"),
    "tl_tab_lag": ("Jeda", "Lags"),
    "tl_tab_overlay": ("Pemilihan berdampingan", "Elections side by side"),
    "tl_spikes_title": ("Lonjakan mingguan", "Weekly spikes"),
    "tl_spikes_rule": (
        "Lonjakan: minggu dengan sedikitnya 5 kasus, sedikitnya dua kali rata-rata empat minggu sebelumnya, dan "
        "sedikitnya rata-rata + 3 simpangan baku empat minggu itu.",
        "Spike: a week with at least 5 cases, at least twice the mean of the four weeks before, and at least that "
        "mean + 3 standard deviations of those four weeks.",
    ),
    "tl_no_spikes": ("Tidak ada minggu yang memenuhi aturan lonjakan.", "No week meets the spike rule."),
    "tl_prepost_title": ("Laju per tahapan, sebelum dan sejak hari-H", "Rate per stage, before and since voting day"),
    "tl_prepost_note": (
        "Laju = kasus ÷ hari × 7, hanya atas hari di dalam rentang tanggal filter dan sampai tanggal terakhir di "
        "data. "
        "Hari di antara dua tahapan dihitung sebagai masa setelah tahapan sebelumnya. Angka kecil (n < 10) "
        "dibaca dengan hati-hati.",
        "Rate = cases ÷ days × 7, over the days inside the filter's date range and up to the latest date in the "
        "data only. "
        "Days between two stages count as the aftermath of the earlier stage. Read small numbers (n < 10) with "
        "care.",
    ),
    "tl_before_rate": ("Sebelum hari-H · kasus/minggu", "Before voting day · cases/week"),
    "tl_since_rate": ("Sejak hari-H · kasus/minggu", "Since voting day · cases/week"),
    "tl_ratio": ("Sejak ÷ sebelum", "Since ÷ before"),
    "tl_rate_help": ("{n} kasus dalam {days} hari", "{n} cases in {days} days"),
    "tl_ratio_note": ("sejak ÷ sebelum = ×{ratio}", "since ÷ before = ×{ratio}"),
    "tl_rate_unit": ("kasus per minggu", "cases per week"),
    "tl_n_cases": ("n={n}", "n={n}"),
    "tl_overlay_title": ("Pemilihan berdampingan pada sumbu hari-H", "Elections side by side on the H-day axis"),
    "tl_measure": ("Tampilkan", "Show"),
    "tl_measure_count": ("Jumlah kasus", "Case counts"),
    "tl_measure_share": ("Persentase dari total pemilihan", "Share of the election's total"),
    "tl_share_of_election": ("Porsi dari total pemilihan", "Share of the election's total"),
    "tl_lag_title": ("Jeda pelaporan dan putusan per tahapan", "Reporting and decision lag by stage"),
    "tl_lag_note": (
        "Batang = median hari; garis = persentil ke-25 sampai ke-90. Median kejadian → laporan {p50} hari, "
        "90% dalam {p90} hari ({n} kasus); laporan → putusan median {d50} hari, 90% dalam {d90} hari ({dn} kasus).",
        "Bars = median days; whiskers = 25th to 90th percentile. Incident → report median {p50} days, 90% within "
        "{p90} days ({n} cases); report → decision median {d50} days, 90% within {d90} days ({dn} cases).",
    ),
    "tl_report_lag": ("Kejadian → laporan", "Incident → report"),
    "tl_decision_lag": ("Laporan → putusan", "Report → decision"),
    "tl_lag_hover": ("median %{y} hari (p25 %{customdata[0]}, p90 %{customdata[1]})",
                     "median %{y} days (p25 %{customdata[0]}, p90 %{customdata[1]})"),
    "tl_days": ("Hari", "Days"),
    "tl_undated": (
        "{n} kasus tanpa {basis} tidak tampil di linimasa.",
        "{n} cases without a {basis} are not on the timeline.",
    ),
    "tl_after_stage": ("Setelah {stage}", "After {stage}"),
    "tl_period_pra_tahapan": ("Pra-tahapan", "Before the stages"),
    "tl_period_sebelum_h": ("Sebelum hari-H", "Before voting day"),
    "tl_period_sejak_h": ("Sejak hari-H", "Since voting day"),
    "tl_col_period": ("Periode", "Period"),
    "tl_col_dates": ("Tanggal", "Dates"),
    "tl_col_days": ("Hari", "Days"),
    "tl_col_cases": ("Kasus", "Cases"),
    "tl_col_rate": ("Kasus/minggu", "Cases/week"),
    "tl_col_ratio": ("× laju pra-tahapan", "× pre-stage rate"),
    "tl_col_week": ("Minggu", "Week"),
    "tl_col_hdays": ("Hari-H", "H-days"),
    "tl_col_prev_mean": ("Rata-rata 4 minggu sebelumnya", "Mean of the 4 weeks before"),
    "tl_no_election_cases": (
        "Tidak ada kasus {election} untuk filter ini. Pilih pemilihan lain atau longgarkan filter di bilah samping.",
        "No {election} cases match these filters. Pick another election or loosen the filters in the sidebar.",
    ),
}
