"""Strings of the audit page (pages/audit_log.py, ui/views/audit_trail.py): who did what, when."""

STRINGS = {
    "au_nav": ("Audit", "Audit"),
    "au_title": ("Jejak audit", "Audit trail"),
    "au_admin_only": ("Jejak audit hanya untuk admin.", "The audit trail is for admins only."),
    "au_intro": (
        "Setiap masuk (berhasil atau ditolak), keluar, pemuatan data, ekspor dan pemulihan, terbaru di atas. "
        "Jejak ini hanya bertambah dan disimpan di luar generasi gudang data, jadi menerbitkan data tidak "
        "menghapus satu baris pun.",
        "Every sign-in (accepted or refused), sign-out, load, export and restore, newest first. The trail only "
        "grows and is kept outside the warehouse generations, so publishing data never removes a line.",
    ),
    "au_empty": ("Belum ada yang tercatat.", "Nothing recorded yet."),
    "au_events": ("Peristiwa", "Events"),
    "au_outcomes": ("Hasil", "Outcomes"),
    "au_days": ("Tanggal", "Dates"),
    "au_search": ("Cari pengguna atau rincian", "Search users or details"),
    "au_search_hint": ("mis. siti, kasus.csv, pilkada2024", "e.g. siti, kasus.csv, pilkada2024"),
    "au_rows": ("{shown} dari {total} baris jejak.", "{shown} of {total} audit lines."),
    "au_download_csv": ("Unduh CSV", "Download CSV"),
    "au_download_xlsx": ("Unduh XLSX", "Download XLSX"),
    "au_export_title": ("Netra — jejak audit", "Netra — audit trail"),
    "au_export_rows": ("{shown} dari {total} baris", "{shown} of {total} lines"),
    "au_export_query": (
        "Peristiwa: {events} · hasil: {outcomes} · cari: {text} · dari {start} s.d. {end}",
        "Events: {events} · outcomes: {outcomes} · search: {text} · from {start} to {end}",
    ),
    "au_col_at": ("Waktu", "Time"),
    "au_col_event": ("Peristiwa", "Event"),
    "au_col_user": ("Pengguna", "User"),
    "au_col_outcome": ("Hasil", "Outcome"),
    "au_col_details": ("Rincian", "Details"),
    "au_event_sign_in": ("Masuk", "Sign-in"),
    "au_event_sign_out": ("Keluar", "Sign-out"),
    "au_event_load": ("Muat data", "Load"),
    "au_event_export": ("Ekspor", "Export"),
    "au_event_restore": ("Pemulihan", "Restore"),
    "au_outcome_ok": ("berhasil", "ok"),
    "au_outcome_refused": ("ditolak", "refused"),
    "au_outcome_failed": ("gagal", "failed"),
}
