"""Strings of the Rincian (breakdowns) page."""

STRINGS = {
    "rb_title": ("Rincian pelanggaran", "Breakdowns"),
    "rb_show": ("Tampilkan", "Show"),
    "rb_counts": ("Jumlah", "Counts"),
    "rb_shares": ("Porsi (%)", "Shares (%)"),
    "rb_tab_type": ("Jenis", "Type"),
    "rb_tab_severity": ("Tingkat", "Severity"),
    "rb_tab_position": ("Jabatan & instansi", "Position & agency"),
    "rb_tab_status": ("Status & sumber", "Status & source"),
    "rb_violation_type": ("Jenis pelanggaran", "Violation type"),
    "rb_severity": ("Tingkat", "Severity"),
    "rb_type_severity": ("Jenis × tingkat", "Type × severity"),
    "rb_position_class": ("Jabatan", "Position"),
    "rb_agency_level": ("Tingkat instansi", "Agency level"),
    "rb_status": ("Status penanganan", "Case status"),
    "rb_source_agency": ("Sumber data", "Source agency"),
    "rb_severity_note": (
        "Tingkat yang kosong di register disimpulkan dari matriks SKB 2022 (lihat Tentang).",
        "Severity missing in a register is inferred from the SKB 2022 matrix (see About).",
    ),
}
