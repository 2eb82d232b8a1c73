"""Strings of the Muat data page (admins preview, teach and load registers from the app)."""

STRINGS = {
    "ld_nav": ("Muat data", "Load data"),
    "ld_title": ("Muat register kasus", "Load case registers"),
    "ld_intro": (
        "Pilih satu atau beberapa register (CSV atau XLSX) persis seperti yang Anda terima. Netra membacanya dulu "
        "sebagai **pratinjau**, tanpa menulis apa pun: kolom mana dibaca sebagai apa, baris yang akan dimuat, "
        "ditolak atau diberi peringatan, dan ungkapan yang belum dikenal, yang dapat Anda ajarkan di sini. Data baru "
        "masuk ke gudang hanya bila Anda menekan *Terbitkan*.",
        "Choose one or more registers (CSV or XLSX) exactly as you received them. Netra first reads them as a "
        "**preview** and writes nothing: which column is read as what, the rows that would be loaded, rejected or "
        "warned about, and the phrases it does not know yet, which you can teach it here. New data reaches the "
        "warehouse only when you press *Publish*.",
    ),
    "ld_admin_only": (
        "Halaman ini hanya untuk admin. Masuk sebagai admin untuk memuat data.",
        "This page is for admins only. Sign in as an admin to load data.",
    ),
    "ld_demo_note": (
        "Gudang data ini berisi **data demo sintetis**. Muatan nyata pertama **menggantikan** demo: kasus "
        "sintetis dihapus dan gudang hanya berisi data nyata (`python -m etl demo` membuat demo lagi).",
        "This warehouse holds **synthetic demo data**. The first real load **replaces** the demo: the synthetic "
        "cases are removed and the warehouse holds only real data (`python -m etl demo` builds the demo again).",
    ),
    "ld_first_load": (
        "Belum ada gudang data. Muatan pertama dari halaman ini membuatnya.",
        "There is no warehouse yet. The first load from this page creates it.",
    ),
    "ld_limits": (
        "Paling besar {per_file} MB per berkas dan {total} MB untuk semua berkas sekaligus; register yang lebih "
        "besar dimuat lewat baris perintah `python -m etl load`.",
        "At most {per_file} MB per file and {total} MB for all files at once; larger registers are loaded from "
        "the command line `python -m etl load`.",
    ),
    "ld_files": ("Register (CSV atau XLSX)", "Registers (CSV or XLSX)"),
    "ld_election": ("Pemilihan", "Election"),
    "ld_election_help": (
        "Dipakai untuk baris yang tidak menyebut pemilihannya (tidak ada kolom, nama lembar atau judul pemilihan).",
        "Used for rows that do not name their election (no election column, sheet name or title).",
    ),
    "ld_agency": ("Lembaga asal", "Source agency"),
    "ld_agency_help": (
        "Dipakai bila register tidak punya kolom lembaga asal dan judulnya tidak menyebutnya.",
        "Used when the register has no source-agency column and its title does not name one.",
    ),
    "ld_detect": ("Kenali dari berkas", "Detect from the file"),
    "ld_button": ("Pratinjau", "Preview"),
    "ld_no_file": ("Pilih dulu minimal satu berkas register.", "Choose at least one register file first."),
    "ld_bad_type": (
        "{name}: bukan CSV atau XLSX. Simpan ulang register sebagai .csv atau .xlsx lalu pilih lagi.",
        "{name}: not a CSV or XLSX file. Save the register again as .csv or .xlsx and choose it again.",
    ),
    "ld_same_name": (
        "Dua berkas bernama {name}. Nama berkas dicatat sebagai asal data; ganti nama salah satunya lalu pilih lagi.",
        "Two files are named {name}. The file name is recorded as the data's origin; rename one and choose again.",
    ),
    "ld_name_long": (
        "Nama berkas '{name}' lebih dari {limit} karakter; beri nama yang lebih pendek lalu pilih lagi.",
        "The file name '{name}' is longer than {limit} characters; give it a shorter name and choose it again.",
    ),
    "ld_name_control": (
        "Nama berkas '{name}' memuat karakter kendali, NUL atau pindah baris; ganti namanya lalu pilih lagi.",
        "The file name '{name}' holds a control character, NUL or line break; rename it and choose it again.",
    ),
    "ld_name_path": (
        "Nama berkas '{name}' memuat bagian jalur (/, \\\\, ..) atau diawali titik; ganti namanya lalu pilih lagi.",
        "The file name '{name}' holds path parts (/, \\\\, ..) or starts with a dot; rename it and choose it again.",
    ),
    "ld_file_too_big": (
        "{name}: lebih dari {limit} MB. Muat register sebesar itu lewat baris perintah `python -m etl load`.",
        "{name}: larger than {limit} MB. Load a register that large from the command line `python -m etl load`.",
    ),
    "ld_total_too_big": (
        "Semua berkas bersama {total} MB, lebih dari {limit} MB sekaligus; muat dalam beberapa kali.",
        "All files together are {total} MB, more than {limit} MB at once; load them in several goes.",
    ),
    "ld_previewing": ("Membaca {n} berkas (pratinjau, tidak ada yang ditulis)…",
                      "Reading {n} file(s) (preview, nothing is written)…"),
    "ld_preview_title": ("Pratinjau", "Preview"),
    "ld_preview_note": (
        "Belum ada yang ditulis ke gudang data. Periksa cara setiap kolom dibaca, ajarkan yang belum dikenal, lalu "
        "*Terbitkan* atau *Batalkan*.",
        "Nothing has been written to the warehouse yet. Check how each column is read, teach what is not known, "
        "then *Publish* or *Cancel*.",
    ),
    "ld_preview_file": (
        "{name}: {read} baris dibaca; akan dimuat {loaded} kasus, ditolak {rejected} baris, ganda {duplicate}, "
        "dengan peringatan {warned} baris.",
        "{name}: {read} rows read; {loaded} cases would be loaded, {rejected} rows rejected, {duplicate} "
        "duplicates, {warned} rows with warnings.",
    ),
    "ld_replaces_demo": (
        "Menerbitkan ini menggantikan gudang data demo: {n} kasus sintetis dihapus, gudang kemudian hanya berisi "
        "data nyata.",
        "Publishing this replaces the demo warehouse: {n} synthetic cases are removed, and the warehouse then "
        "holds only real data.",
    ),
    "ld_demo_replaced": (
        "Gudang data demo (sintetis) diganti: {n} kasus sintetis dihapus; gudang kini hanya berisi data nyata.",
        "The demo (synthetic) warehouse was replaced: {n} synthetic cases removed; it now holds only real data.",
    ),
    "ld_columns": ("Cara kolom dibaca", "How the columns are read"),
    "ld_col_header": ("Judul kolom", "Header"),
    "ld_col_field": ("Dibaca sebagai", "Read as"),
    "ld_col_how": ("Diputuskan dari", "Decided by"),
    "ld_col_samples": ("Contoh isi", "Sample values"),
    "ld_col_note": ("Catatan", "Note"),
    "ld_how_phrasebook": ("kamus petugas data", "the steward's phrasebook"),
    "ld_how_header": ("judul kolom", "the header"),
    "ld_how_content": ("isi kolom", "the column's values"),
    "ld_how_netra": ("kolom koreksi Netra (diabaikan)", "Netra's correction column (ignored)"),
    "ld_how_none": ("tidak dikenali", "not recognised"),
    "ld_field_case_id": ("Nomor kasus", "Case number"),
    "ld_field_election": ("Pemilihan", "Election"),
    "ld_field_source_agency": ("Lembaga asal", "Source agency"),
    "ld_field_source_kind": ("Sumber (temuan/laporan/aduan)", "Source (finding/report/complaint)"),
    "ld_field_incident_date": ("Tanggal kejadian", "Incident date"),
    "ld_field_report_date": ("Tanggal laporan", "Report date"),
    "ld_field_decision_date": ("Tanggal putusan/rekomendasi", "Decision/recommendation date"),
    "ld_field_sanction_date": ("Tanggal sanksi", "Sanction date"),
    "ld_field_region": ("Kabupaten/kota", "Regency/city"),
    "ld_field_province": ("Provinsi", "Province"),
    "ld_field_subject_name": ("Nama terlapor", "Name of the reported person"),
    "ld_field_subject_nip": ("NIP", "NIP"),
    "ld_field_position": ("Jabatan", "Position"),
    "ld_field_employee_type": ("Jenis pegawai", "Employee type"),
    "ld_field_agency_name": ("Instansi", "Agency"),
    "ld_field_agency_level": ("Tingkat instansi", "Agency level"),
    "ld_field_description": ("Uraian", "Description"),
    "ld_field_violation_type": ("Jenis pelanggaran", "Violation type"),
    "ld_field_violation_form": ("Kode bentuk SKB 2022", "SKB 2022 form code"),
    "ld_field_violation_class": ("Klasifikasi pelanggaran", "Violation class"),
    "ld_field_status": ("Status", "Status"),
    "ld_field_sanction": ("Sanksi", "Sanction"),
    "ld_field_severity": ("Tingkat hukuman", "Severity"),
    "ld_field_status_2": ("Status (lanjutan)", "Status (follow-up)"),
    "ld_field_agency_2": ("Instansi (kedua)", "Agency (second)"),
    "ld_field__sheet_name": ("Nama lembar", "Sheet name"),
    "ld_field_None": ("— (disimpan apa adanya)", "— (kept as it is)"),
    "ld_unmapped": (
        "Kolom tanpa padanan: disimpan apa adanya bersama kasusnya (tidak ada yang hilang). Ajarkan bila salah "
        "satunya sebenarnya kolom yang dikenal.",
        "Columns with no match: kept as they are with their cases (nothing is lost). Teach one if it really is a "
        "known column.",
    ),
    "ld_teach_header_item": ("Kolom '{header}' (mis. {samples}) adalah…", "Column '{header}' (e.g. {samples}) is…"),
    "ld_unknown": ("Ungkapan yang belum dikenal", "Phrases not known yet"),
    "ld_unknown_item": ("{field}: '{phrase}' — {count}× (baris {rows}) berarti…",
                        "{field}: '{phrase}' — {count}× (rows {rows}) means…"),
    "ld_teach_button": ("Ajarkan", "Teach"),
    "ld_taught": ("Diajarkan dan dicatat di kamus petugas data; pratinjau dibaca ulang.",
                  "Taught and recorded in the steward's phrasebook; the preview was read again."),
    "ld_teach_failed": ("Tidak dapat diajarkan: {message}", "Could not be taught: {message}"),
    "ld_notes": ("Catatan pembacaan", "Reading notes"),
    "ld_would_reject": ("Baris yang akan ditolak (contoh)", "Rows that would be rejected (examples)"),
    "ld_would_warn": ("Baris yang akan dimuat dengan peringatan (contoh)", "Rows that would load with warnings "
                      "(examples)"),
    "ld_col_row": ("Baris", "Row"),
    "ld_col_column": ("Kolom", "Column"),
    "ld_col_value": ("Isi", "Value"),
    "ld_col_reason": ("Alasan", "Reason"),
    "ld_publish": ("Terbitkan ke gudang data", "Publish to the warehouse"),
    "ld_cancel": ("Batalkan", "Cancel"),
    "ld_cancelled": ("Dibatalkan: tidak ada yang ditulis, berkas unggahan dihapus.",
                     "Cancelled: nothing was written, the uploaded files were removed."),
    "ld_publishing": ("Memuat {n} berkas…", "Loading {n} file(s)…"),
    "ld_timeout": (
        "Pemuatan dihentikan setelah {seconds} detik karena terlalu lama. Tidak ada yang setengah jadi: berkas "
        "yang belum selesai tidak diterbitkan. Coba lagi dengan berkas yang lebih kecil atau lewat baris perintah "
        "`python -m etl load`.",
        "The load was stopped after {seconds} s because it took too long. Nothing is half done: an unfinished "
        "file is not published. Try again with smaller files or from the command line `python -m etl load`.",
    ),
    "ld_crash": (
        "Pemuat berhenti dengan galat (status {status}). Berkas yang sudah selesai sebelum galat tetap dimuat. "
        "Kirim bagian akhir keluarannya di bawah ini kepada pengelola sistem.",
        "The loader stopped with an error (status {status}). Files finished before the error stay loaded. Send "
        "the end of its output below to the system administrator.",
    ),
    "ld_outcome_0": ("{name}: semua {read} baris dimuat.", "{name}: all {read} rows loaded."),
    "ld_outcome_3": (
        "{name}: dimuat {loaded} kasus dari {read} baris; {rejected} baris ditolak, {duplicate} ganda dilewati, "
        "{warned} baris dengan peringatan. Perbaiki baris di bawah lalu muat lagi.",
        "{name}: {loaded} cases loaded from {read} rows; {rejected} rows rejected, {duplicate} duplicates "
        "skipped, {warned} rows with warnings. Correct the rows below and load them again.",
    ),
    "ld_outcome_before": (
        "{name}: berkas yang sama persis sudah pernah dimuat dengan cara baca yang sama (muatan {load_id}); tidak "
        "ada yang ditambahkan.",
        "{name}: this very file was loaded before, read the same way (load {load_id}); nothing was added.",
    ),
    "ld_outcome_2": (
        "{name}: berkas tidak dapat dipakai, tidak ada yang dimuat darinya. {reason}",
        "{name}: the file could not be used; nothing from it was loaded. {reason}",
    ),
    "ld_outcome_unknown": (
        "Pemuat berhenti sebelum melaporkan hasilnya.",
        "The loader stopped before reporting its outcome.",
    ),
    "ld_counts": ("Jumlah per berkas", "Counts per file"),
    "ld_col_source_file": ("Berkas", "File"),
    "ld_col_loaded_at": ("Dimuat", "Loaded"),
    "ld_col_election": ("Pemilihan", "Election"),
    "ld_col_rows_read": ("Baris dibaca", "Rows read"),
    "ld_col_rows_loaded": ("Kasus dimuat", "Cases loaded"),
    "ld_col_rows_rejected": ("Baris ditolak", "Rows rejected"),
    "ld_col_rows_duplicate": ("Ganda", "Duplicates"),
    "ld_col_rows_warned": ("Dengan peringatan", "With warnings"),
    "ld_col_rows_linked": ("Bergabung ke kasus yang ada", "Joined existing cases"),
    "ld_linked": (
        "{name}: {n} catatan bergabung dengan orang-kasus yang sudah ada (orang yang sama dalam kasus yang sama "
        "di register lain).",
        "{name}: {n} records joined existing person-cases (the same person in the same case in another register).",
    ),
    "ld_link_pending": (
        " {n} pasangan catatan menunggu keputusan di halaman Tautan orang-kasus.",
        " {n} pairs of records wait for a decision on the Person-case links page.",
    ),
    "ld_rejected": ("Baris yang ditolak", "Rejected rows"),
    "ld_rejected_none": ("Tidak ada baris yang ditolak.", "No row was rejected."),
    "ld_rejected_hint": (
        "Unduh baris yang ditolak per berkas: baris aslinya dengan kolom 'Baris' dan 'Alasan'. Perbaiki isinya, "
        "lalu muat berkas itu lagi di sini; kedua kolom tambahan diabaikan pemuat.",
        "Download the rejected rows per file: the original rows with 'Baris' (row) and 'Alasan' (reason) columns. "
        "Correct them, then load that file again here; the loader ignores the two extra columns.",
    ),
    "ld_warned": ("Baris yang dimuat dengan peringatan", "Rows loaded with warnings"),
    "ld_warned_hint": (
        "Kolom yang tidak terbaca dibiarkan kosong. Unduh baris ini (kolom 'Peringatan'), perbaiki, lalu muat "
        "lagi: baris yang diperbaiki menggantikan kasus asalnya.",
        "Fields that could not be read were left empty. Download these rows ('Peringatan' column), correct them, "
        "and load them again: corrected rows replace the cases they came from.",
    ),
    "ld_download_csv": ("Unduh CSV: {name}", "Download CSV: {name}"),
    "ld_download_xlsx": ("Unduh XLSX: {name}", "Download XLSX: {name}"),
    "ld_export_rejected": (
        "Baris yang ditolak dari {name} (muatan {load_id}), untuk diperbaiki lalu dimuat lagi",
        "Rejected rows of {name} (load {load_id}), to correct and load again",
    ),
    "ld_export_warned": (
        "Baris dengan peringatan dari {name} (muatan {load_id}), untuk diperbaiki lalu dimuat lagi",
        "Rows with warnings of {name} (load {load_id}), to correct and load again",
    ),
    "ld_sheet_rejected": ("Ditolak", "Rejected"),
    "ld_sheet_warned": ("Peringatan", "Warnings"),
    "ld_phrasebook": ("Kamus petugas data (yang berlaku di gudang ini)", "The steward's phrasebook (in force here)"),
    "ld_phrasebook_empty": ("Belum ada yang diajarkan.", "Nothing has been taught yet."),
    "ld_col_kind": ("Jenis", "Kind"),
    "ld_col_phrase": ("Ungkapan / judul kolom", "Phrase / header"),
    "ld_col_taught": ("Berarti", "Means"),
    "ld_col_taught_by": ("Oleh", "By"),
    "ld_col_taught_at": ("Kapan", "When"),
    "ld_log": ("Keluaran pemuat", "Loader output"),
}
