"""Strings of the Ringkasan (overview) page."""

STRINGS = {
    "ov_title": ("Ringkasan netralitas ASN", "Civil service neutrality at a glance"),
    "ov_funnel": ("Dari laporan sampai sanksi", "From report to sanction"),
    "ov_trend": ("Kasus per pekan", "Cases per week"),
    "ov_trend_basis": ("Menurut {basis}.", "By {basis}."),
    "ov_top_regions": ("10 kabupaten/kota terbanyak", "Top 10 regencies/cities"),
    "ov_top_provinces": ("Provinsi terbanyak", "Top provinces"),
    "ov_no_region": (
        "Tidak ada kasus dengan kabupaten/kota yang diketahui untuk filter ini.",
        "No cases with a known regency/city for these filters.",
    ),
    "ov_tab_places": ("Wilayah teratas", "Top places"),
    "ov_map": ("Peta", "Map"),
    "ov_map_link": ("Buka peta per kabupaten/kota", "Open the map by regency/city"),
}
