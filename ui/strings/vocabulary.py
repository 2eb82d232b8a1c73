"""Display labels (Bahasa Indonesia and English) for every vocabulary value; codes stay codes everywhere else.

Read through `ui.strings.label` / `ui.strings.options`. Regions, provinces and violation types are labelled by the
reference tables in data/reference/, so their names live with the codes they name.
"""

from functools import lru_cache

import settings

_LABELS = {  # column -> value -> (id, en); violation types come from data/reference/violation_types.csv
    "election": {
        "pilkada2020": ("Pilkada 2020", "Pilkada 2020"),
        "pemilu2024": ("Pemilu 2024", "Pemilu 2024"),
        "pilkada2024": ("Pilkada 2024", "Pilkada 2024"),
    },
    "severity": {"ringan": ("Ringan", "Minor"), "sedang": ("Sedang", "Moderate"), "berat": ("Berat", "Severe")},
    "status": {
        "dilaporkan": ("Dilaporkan", "Reported"),
        "diproses": ("Diproses", "In process"),
        "terbukti": ("Terbukti", "Proven"),
        "tidak_terbukti": ("Tidak terbukti", "Not proven"),
        "dihentikan": ("Dihentikan", "Discontinued"),
        "disanksi": ("Disanksi", "Sanctioned"),
    },
    "position_class": {
        "jpt": ("JPT (pimpinan tinggi)", "Senior executive (JPT)"),
        "administrator": ("Administrator", "Administrator"),
        "pengawas": ("Pengawas", "Supervisor"),
        "pelaksana": ("Pelaksana", "Staff"),
        "fungsional": ("Fungsional (guru, tenaga kesehatan, …)", "Functional (teachers, health staff, …)"),
        "kepala_wilayah": ("Camat/lurah", "Sub-district/ward head"),
        "lainnya": ("Lainnya", "Other"),
    },
    "agency_level": {
        "pusat": ("Instansi pusat", "Central agency"),
        "provinsi": ("Pemerintah provinsi", "Provincial government"),
        "kabupaten": ("Pemerintah kabupaten", "Regency government"),
        "kota": ("Pemerintah kota", "City government"),
    },
    "source_agency": {
        "bawaslu": ("Bawaslu", "Bawaslu"),
        "kasn": ("KASN", "KASN"),
        "bkn": ("BKN", "BKN"),
        "inspektorat": ("Inspektorat", "Inspectorate"),
        "kemendagri": ("Kemendagri", "Home Affairs"),
        "lainnya": ("Lainnya", "Other"),
    },
    "source_kind": {
        "temuan": ("Temuan", "Finding"), "laporan": ("Laporan", "Report"), "aduan": ("Aduan", "Complaint"),
    },
    "employee_type": {"pns": ("PNS", "Civil servant"), "pppk": ("PPPK", "Contract (PPPK)"),
                      "non_asn": ("Non-ASN", "Non-ASN")},
    # the employee-type filter's choices: a record that does not say is 'unknown' (warehouse.vocab.EMPLOYEE_CHOICES)
    "employee_choice": {"pns": ("PNS", "Civil servant"), "pppk": ("PPPK", "Contract (PPPK)"),
                        "non_asn": ("Non-ASN (kepala desa, honorer)", "Non-ASN (village heads, honorary staff)"),
                        "unknown": ("Tidak disebut", "Not stated")},
    "unit": {"orang": ("Orang dalam kasus", "Persons in cases"), "catatan": ("Catatan register", "Register records")},
    "violation_class": {
        "kode_etik": ("Kode etik", "Code of ethics"),
        "disiplin": ("Disiplin", "Discipline"),
        "pidana": ("Pidana", "Criminal"),
    },
    "stage": {
        "pendaftaran": ("Pendaftaran", "Registration"),
        "penetapan": ("Penetapan calon", "Candidates set"),
        "kampanye": ("Kampanye", "Campaign"),
        "masa_tenang": ("Masa tenang", "Quiet period"),
        "pemungutan": ("Pemungutan suara", "Voting"),
        "rekapitulasi": ("Rekapitulasi", "Tally"),
        "sengketa": ("Sengketa", "Disputes"),
        "pelantikan": ("Pelantikan", "Inauguration"),
    },
    "cross_agency_stage": {  # warehouse.vocab.CROSS_AGENCY_STAGES: the hands of one person-case
        "diterima": ("Diterima", "Received"),
        "pelanggaran": ("Bawaslu: pelanggaran", "Bawaslu: a violation"),
        "diteruskan": ("Diteruskan ke KASN/BKN", "Forwarded to KASN/BKN"),
        "rekomendasi": ("Rekomendasi KASN/BKN", "KASN/BKN recommendation"),
        "sanksi": ("Disanksi PPK", "Sanctioned by the PPK"),
    },
    "cross_agency_path": {
        "bawaslu": ("Melalui Bawaslu", "Through Bawaslu"),
        "tanpa_bawaslu": ("Tanpa catatan Bawaslu", "Without a Bawaslu record"),
    },
    "date_basis": {
        "incident_date": ("tanggal kejadian", "incident date"),
        "report_date": ("tanggal laporan", "report date"),
        "decision_date": ("tanggal putusan", "decision date"),
    },
}


@lru_cache(maxsize=1)
def _reference_labels() -> dict[str, dict[str, tuple[str, str]]]:
    """Labels that live with the reference data: regions, provinces and violation types."""
    read = settings.read_reference
    regions = {r["kode"]: (r["nama"], r["nama"]) for r in read("regions.csv")}
    provinces = {r["code"]: (r["name"], r["name"]) for r in read("provinces.csv")}
    types = {r["violation_type"]: (r["label_id"], r["label_en"]) for r in read("violation_types.csv")}
    return {"region_code": regions, "province_code": provinces, "violation_type": types}


def labels_of(column: str) -> dict[str, tuple[str, str]]:
    """value -> (id, en) label of every known value of `column`, in vocabulary order (empty when unknown)."""
    return _LABELS.get(column) or _reference_labels().get(column, {})
