"""Strings of the Tautan orang-kasus page (admins review the pairs the linker could not decide)."""

STRINGS = {
    "lk_nav": ("Tautan orang-kasus", "Person-case links"),
    "lk_title": ("Tautan orang-kasus", "Person-case links"),
    "lk_admin_only": (
        "Halaman ini hanya untuk admin: memuat nama dan NIP.",
        "This page is for admins only: it shows names and NIPs.",
    ),
    "lk_intro": (
        "Satu orang dalam satu kasus tercatat di beberapa register (Bawaslu, KASN/BKN, inspektorat). Netra "
        "menautkannya sendiri bila NIP-nya sama, atau bila nama, instansi, wilayah dan tanggalnya cukup cocok. "
        "Pasangan yang skornya tanggung menunggu keputusan Anda di sini: **tautkan** bila keduanya orang yang sama "
        "dalam kasus yang sama, **pisahkan** bila bukan. Keputusan disimpan di berkas petugas data dan berlaku "
        "untuk setiap muatan berikutnya.",
        "One person in one case is recorded in several registers (Bawaslu, KASN/BKN, inspektorat). Netra links "
        "them itself when the NIP is the same, or when name, agency, region and dates agree well enough. Pairs "
        "whose score is in between wait for your decision here: **link** them when both are the same person in "
        "the same case, **keep apart** when they are not. Decisions are kept in the data steward's file and apply "
        "to every later load.",
    ),
    "lk_thresholds": (
        "Tertaut otomatis pada skor {sure} atau lebih; ditinjau di sini pada skor {review} sampai di bawah {sure}.",
        "Linked automatically at a score of {sure} or more; reviewed here from {review} to below {sure}.",
    ),
    "lk_election": ("Pemilihan", "Election"),
    "lk_all_elections": ("Semua pemilihan", "All elections"),
    "lk_count": ("{n} pasangan menunggu keputusan", "{n} pairs waiting for a decision"),
    "lk_none": (
        "Tidak ada pasangan catatan yang menunggu keputusan.",
        "No pair of records is waiting for a decision.",
    ),
    "lk_shown": ("Ditampilkan {shown} dari {n}, skor tertinggi dulu.",
                 "Showing {shown} of {n}, highest score first."),
    "lk_heading": ("{n} · {election} · skor {score}", "{n} · {election} · score {score}"),
    "lk_same_register": (
        " · satu register, dua nomor kasus: dua kejadian, kecuali Anda menautkannya",
        " · one register, two case numbers: two incidents unless you link them",
    ),
    "lk_field": ("Kolom", "Field"),
    "lk_points": ("Poin", "Points"),
    "lk_unique": ("Satu-satunya calon bagi keduanya", "The only candidate for both"),
    "lk_field_subject_name": ("Nama", "Name"),
    "lk_field_subject_nip": ("NIP", "NIP"),
    "lk_field_agency_name": ("Instansi", "Agency"),
    "lk_field_place": ("Wilayah", "Region"),
    "lk_field_incident_date": ("Tanggal kejadian", "Incident date"),
    "lk_field_report_date": ("Tanggal laporan/diterima", "Report/receipt date"),
    "lk_field_position_class": ("Jabatan", "Position"),
    "lk_field_violation_type": ("Jenis pelanggaran", "Violation type"),
    "lk_field_employee_type": ("Jenis pegawai", "Employee type"),
    "lk_field_status": ("Status", "Status"),
    "lk_note": ("Catatan (boleh kosong)", "Note (optional)"),
    "lk_confirm": ("Tautkan", "Link"),
    "lk_split": ("Pisahkan", "Keep apart"),
    "lk_running": ("Menyimpan keputusan dan menautkan ulang…", "Saving the decision and linking again…"),
    "lk_done_confirm": (
        "{a} dan {b} ditautkan. {pending} pasangan lain masih menunggu.",
        "{a} and {b} linked. {pending} other pairs still waiting.",
    ),
    "lk_done_split": (
        "{a} dan {b} dipisahkan. {pending} pasangan lain masih menunggu.",
        "{a} and {b} kept apart. {pending} other pairs still waiting.",
    ),
    "lk_failed": ("Keputusan tidak disimpan: {message}", "The decision was not saved: {message}"),
    "lk_no_answer": ("perintah berhenti tanpa jawaban.", "the command stopped without an answer."),
    "lk_decisions": ("Keputusan petugas data", "Data steward decisions"),
    "lk_no_decisions": ("Belum ada keputusan.", "No decisions yet."),
    "lk_col_decided_at": ("Waktu", "When"),
    "lk_col_decision": ("Keputusan", "Decision"),
    "lk_col_record_a": ("Catatan A", "Record A"),
    "lk_col_record_b": ("Catatan B", "Record B"),
    "lk_col_decided_by": ("Oleh", "By"),
    "lk_col_note": ("Catatan", "Note"),
    "lk_col_outcome": ("Akibat", "Effect"),
    "lk_decision_confirm": ("Tautkan", "Link"),
    "lk_decision_split": ("Pisahkan", "Keep apart"),
    "lk_outcome_applied": ("Diterapkan", "Applied"),
    "lk_outcome_superseded": ("Diganti keputusan berikutnya", "Replaced by a later decision"),
    "lk_outcome_conflict": ("Bertentangan, tidak diterapkan", "Contradicted, not applied"),
    "lk_outcome_missing": ("Catatan tidak ada lagi", "Record no longer present"),
    "lk_cli": (
        "Dari baris perintah: `python -m etl links` (daftar), `python -m etl links confirm A B`, "
        "`python -m etl links split A B`.",
        "From the command line: `python -m etl links` (list), `python -m etl links confirm A B`, "
        "`python -m etl links split A B`.",
    ),
}
