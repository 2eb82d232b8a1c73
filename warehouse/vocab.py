"""The controlled vocabularies of the data contract (DESIGN.md §3): the one list every layer checks against."""

ELECTIONS = ("pilkada2020", "pemilu2024", "pilkada2024")
SOURCE_AGENCIES = ("bawaslu", "kasn", "bkn", "inspektorat", "kemendagri", "lainnya")
SOURCE_KINDS = ("temuan", "laporan", "aduan")
AGENCY_LEVELS = ("pusat", "provinsi", "kabupaten", "kota")
POSITION_CLASSES = ("jpt", "administrator", "pengawas", "pelaksana", "fungsional", "kepala_wilayah", "lainnya")
EMPLOYEE_TYPES = ("pns", "pppk", "non_asn")
UNKNOWN_EMPLOYEE = "unknown"  # the employee-type filter's word for a record that does not say (a null)
EMPLOYEE_CHOICES = (*EMPLOYEE_TYPES, UNKNOWN_EMPLOYEE)  # what the employee-type filter offers
ASN_ONLY = ("pns", "pppk", UNKNOWN_EMPLOYEE)  # the default: non-ASN (village heads, honorer) kept out of ASN totals
UNITS = ("orang", "catatan")  # what a count counts: persons-in-cases (person_cases) or register records (cases)
VIOLATION_TYPES = (
    "media_sosial", "kampanye", "deklarasi", "foto_simbol", "alat_peraga", "kegiatan_keberpihakan", "keputusan",
    "fasilitas_negara", "mobilisasi_asn", "parpol", "pendekatan_parpol", "tim_pemenangan",
    "dukungan_perseorangan", "lainnya",
)
VIOLATION_FORMS = tuple(f"K{i}" for i in range(1, 8)) + tuple(f"D{i}" for i in range(1, 14))
VIOLATION_CLASSES = ("kode_etik", "disiplin", "pidana")
SEVERITIES = ("ringan", "sedang", "berat")
STATUSES = ("dilaporkan", "diproses", "terbukti", "tidak_terbukti", "dihentikan", "disanksi")
PROVEN_STATUSES = ("terbukti", "disanksi")  # the funnel: reported = all, proven = these, sanctioned = disanksi
SANCTIONED_STATUSES = ("disanksi",)
# How far a case got, lowest first: a person-case's status is the furthest stage any of its records reached.
# tidak_terbukti and dihentikan are one stage (an end without proof); where two hands disagree on it,
# tidak_terbukti counts as further, since it is a finding after examination while dihentikan can be a stop before
# any (not registered, out of time). terbukti lies beyond both: a violation one hand proved stays proven for the
# count even when another hand's record of the same person ended without proof.
STAGE_ORDER = ("dilaporkan", "diproses", "dihentikan", "tidak_terbukti", "terbukti", "disanksi")
STAGES = (
    "pendaftaran", "penetapan", "kampanye", "masa_tenang", "pemungutan", "rekapitulasi", "sengketa", "pelantikan",
)
REGIMES = ("pp53_skb2020", "pp94_skb2022")  # PP 53/2010 + SKB 2020 (Pilkada 2020); PP 94/2021 + SKB 2022 after
FORWARDED_TO = ("kasn", "bkn", "lainnya")  # where a register says a case went next (KASN to 23 Aug 2024, then BKN)
DATE_BASES = ("incident_date", "report_date", "decision_date")
CLOSED_STATUSES = ("tidak_terbukti", "dihentikan")  # a hand that ended the case (Bawaslu: bukan pelanggaran)
# the hands of one person-case across agencies (warehouse/sql/person_stages.sql), in order: Bawaslu received it,
# Bawaslu found a violation, it was forwarded to KASN/BKN (BKN since KASN was dissolved on 23 Aug 2024), KASN/BKN
# recommended a sanction, the PPK sanctioned
CROSS_AGENCY_STAGES = ("diterima", "pelanggaran", "diteruskan", "rekomendasi", "sanksi")
CROSS_AGENCY_PATHS = ("bawaslu", "tanpa_bawaslu")  # entered through Bawaslu, or at KASN/BKN (or another) without it
AREA_LEVELS = ("province", "region")  # cross_agency_by_area: one row per province or per kabupaten/kota

# column -> allowed values; a null is allowed wherever the column is nullable in schema.sql
ALLOWED_VALUES = {
    "election": ELECTIONS,
    "source_agency": SOURCE_AGENCIES,
    "source_kind": SOURCE_KINDS,
    "agency_level": AGENCY_LEVELS,
    "position_class": POSITION_CLASSES,
    "employee_type": EMPLOYEE_TYPES,
    "violation_type": VIOLATION_TYPES,
    "violation_form": VIOLATION_FORMS,
    "violation_class": VIOLATION_CLASSES,
    "severity": SEVERITIES,
    "status": STATUSES,
    "regime": REGIMES,
    "forwarded_to": FORWARDED_TO,
}
