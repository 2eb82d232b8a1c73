"""Strings of the Muat data page (admins load registers from the app)."""

STRINGS = {
    "ld_nav": ("Muat data", "Load data"),
    "ld_title": ("Muat register kasus", "Load case registers"),
    "ld_intro": (
        "Pilih satu atau beberapa register (CSV atau XLSX) persis seperti yang Anda terima. Setiap baris dimuat, "
        "dilewati sebagai ganda, atau ditolak dengan alasannya; tidak ada baris yang hilang.",
        "Choose one or more registers (CSV or XLSX) exactly as you received them. Every row is loaded, skipped "
        "as a duplicate, or rejected with its reason; no row is lost.",
    ),
    "ld_admin_only": (
        "Halaman ini hanya untuk admin. Masuk sebagai admin untuk memuat data.",
        "This page is for admins only. Sign in as an admin to load data.",
    ),
    "ld_demo_note": (
        "Gudang data ini berisi **data demo sintetis**: register yang Anda muat di sini bercampur dengan data "
        "sintetis. Penerapan sungguhan dimulai dari gudang data kosong; muatan pertama membuatnya.",
        "This warehouse holds **synthetic demo data**: registers you load here are mixed with synthetic data. A "
        "real deployment starts from an empty warehouse; the first load creates it.",
    ),
    "ld_first_load": (
        "Belum ada gudang data. Muatan pertama dari halaman ini membuatnya.",
        "There is no warehouse yet. The first load from this page creates it.",
    ),
    "ld_files": ("Register (CSV atau XLSX)", "Registers (CSV or XLSX)"),
    "ld_election": ("Pemilihan", "Election"),
    "ld_election_help": (
        "Dipakai untuk baris yang tidak menyebut pemilihannya (tidak ada kolom atau nama lembar pemilihan).",
        "Used for rows that do not name their election (no election column or sheet name).",
    ),
    "ld_agency": ("Lembaga asal", "Source agency"),
    "ld_agency_help": (
        "Dipakai bila register tidak punya kolom lembaga asal.",
        "Used when the register has no source-agency column.",
    ),
    "ld_detect": ("Kenali dari berkas", "Detect from the file"),
    "ld_button": ("Muat ke gudang data", "Load into the warehouse"),
    "ld_no_file": ("Pilih dulu minimal satu berkas register.", "Choose at least one register file first."),
    "ld_bad_type": (
        "{name}: bukan CSV atau XLSX. Simpan ulang register sebagai .csv atau .xlsx lalu pilih lagi.",
        "{name}: not a CSV or XLSX file. Save the register again as .csv or .xlsx and choose it again.",
    ),
    "ld_same_name": (
        "Dua berkas bernama {name}. Nama berkas dicatat sebagai asal data; ganti nama salah satunya lalu pilih lagi.",
        "Two files are named {name}. The file name is recorded as the data's origin; rename one and choose again.",
    ),
    "ld_running": ("Memuat {n} berkas…", "Loading {n} file(s)…"),
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
        "{name}: dimuat, tetapi {rejected} baris ditolak dan {duplicate} baris ganda dilewati (dari {read} "
        "baris dibaca, {loaded} kasus dimuat). Perbaiki baris yang ditolak di bawah lalu muat lagi.",
        "{name}: loaded, but {rejected} rows were rejected and {duplicate} duplicate rows skipped ({read} rows "
        "read, {loaded} cases loaded). Correct the rejected rows below and load them again.",
    ),
    "ld_outcome_before": (
        "{name}: berkas yang sama persis sudah pernah dimuat ({when}); tidak ada yang ditambahkan.",
        "{name}: this very file was loaded before ({when}); nothing was added.",
    ),
    "ld_outcome_2": (
        "{name}: berkas tidak dapat dipakai, tidak ada yang dimuat darinya. {reason}",
        "{name}: the file could not be used; nothing from it was loaded. {reason}",
    ),
    "ld_outcome_unknown": (
        "{name}: pemuat berhenti sebelum melaporkan berkas ini.",
        "{name}: the loader stopped before reporting on this file.",
    ),
    "ld_counts": ("Jumlah per berkas", "Counts per file"),
    "ld_col_source_file": ("Berkas", "File"),
    "ld_col_loaded_at": ("Dimuat", "Loaded"),
    "ld_col_election": ("Pemilihan", "Election"),
    "ld_col_rows_read": ("Baris dibaca", "Rows read"),
    "ld_col_rows_loaded": ("Kasus dimuat", "Cases loaded"),
    "ld_col_rows_rejected": ("Baris ditolak", "Rows rejected"),
    "ld_col_rows_duplicate": ("Ganda", "Duplicates"),
    "ld_rejected": ("Baris yang ditolak", "Rejected rows"),
    "ld_rejected_none": ("Tidak ada baris yang ditolak.", "No row was rejected."),
    "ld_rejected_hint": (
        "Unduh baris yang ditolak per berkas: baris aslinya dengan kolom 'Baris' dan 'Alasan'. Perbaiki isinya, "
        "lalu muat berkas itu lagi di sini; kedua kolom tambahan diabaikan pemuat.",
        "Download the rejected rows per file: the original rows with 'Baris' (row) and 'Alasan' (reason) columns. "
        "Correct them, then load that file again here; the loader ignores the two extra columns.",
    ),
    "ld_download_csv": ("Unduh CSV: {name}", "Download CSV: {name}"),
    "ld_download_xlsx": ("Unduh XLSX: {name}", "Download XLSX: {name}"),
    "ld_export_title": (
        "Baris yang ditolak dari {name} (muatan {load_id}), untuk diperbaiki lalu dimuat lagi",
        "Rejected rows of {name} (load {load_id}), to correct and load again",
    ),
    "ld_log": ("Keluaran pemuat", "Loader output"),
}
