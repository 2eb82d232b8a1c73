"""What was done and what followed: SKB 2022 form, class and severity, and the sanction under each regime."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo.allocate import as_labels, labelled, spread
from etl.demo.reference import election_day, target
from warehouse.vocab import SEVERITIES, VIOLATION_CLASSES, VIOLATION_FORMS, VIOLATION_TYPES

LIGHTER = {"berat": "sedang", "sedang": "ringan", "ringan": "ringan"}
LENIENT_SHARE = 0.2  # registers where the PPK imposed a level below the matrix (PP 94/2021 era)
PIDANA_TYPES = ("kampanye", "keputusan", "fasilitas_negara", "mobilisasi_asn")  # UU 10/2016 Ps. 70-71, §2.5
PIDANA_SHARE = 0.05  # of those, after the candidates are set, sent to Sentra Gakkumdu
MORAL_OPEN, MORAL_CLOSED = "Sanksi moral pernyataan secara terbuka", "Sanksi moral pernyataan secara tertutup"
PTDH = "Pemberhentian tidak dengan hormat (PTDH)"  # D5, party membership (UU ASN)
# sanction texts per (class, severity) and regime: PP 53/2010 for Pilkada 2020, PP 94/2021 after (domain.md §2.3);
# a PPK picks one of the level's measures, so the texts rotate
SANCTIONS = {
    "pp53_skb2020": {
        "disiplin:ringan": ("Teguran lisan", "Teguran tertulis", "Pernyataan tidak puas secara tertulis"),
        "disiplin:sedang": ("Penundaan kenaikan gaji berkala 1 tahun", "Penundaan kenaikan pangkat 1 tahun",
                            "Penurunan pangkat setingkat lebih rendah 1 tahun"),
        "disiplin:berat": ("Penurunan pangkat setingkat lebih rendah 3 tahun",
                           "Pembebasan dari jabatan", "Pemindahan dalam rangka penurunan jabatan"),
    },
    "pp94_skb2022": {
        "disiplin:ringan": ("Teguran lisan", "Teguran tertulis", "Pernyataan tidak puas secara tertulis"),
        "disiplin:sedang": ("Pemotongan tunjangan kinerja 25% selama 6 bulan",
                            "Pemotongan tunjangan kinerja 25% selama 9 bulan",
                            "Pemotongan tunjangan kinerja 25% selama 12 bulan"),
        "disiplin:berat": ("Penurunan jabatan setingkat lebih rendah 12 bulan",
                           "Pembebasan dari jabatan menjadi jabatan pelaksana 12 bulan",
                           "Pemberhentian dengan hormat tidak atas permintaan sendiri"),
    },
}
COMMON = {"kode_etik:": (MORAL_OPEN,), "disiplin:": ("Hukuman disiplin menurut keputusan Satgas",),  # D13
          "pidana:": ("Putusan pidana pemilihan (Sentra Gakkumdu)",)}
# Pilkada 2020 (PP 53/2010): the only published distribution of imposed sanctions, Jawa Tengah (voi210625)
PP53_OUTCOMES = {"moral_terbuka": ("kode_etik", None, MORAL_OPEN),
                 "moral_tertutup": ("kode_etik", None, MORAL_CLOSED),
                 "sedang": ("disiplin", "sedang", None), "ringan": ("disiplin", "ringan", None)}


def skb_matrix(ref: dict) -> dict[str, np.ndarray]:
    """The SKB 2022 matrix as arrays indexed [type, period], period 1 once the candidates are set.

    Class, severity and the forms that fit (two slots; a single form fills both), read from violation_types.csv
    and violation_forms.csv: the same matrix the loader infers missing severities from (domain.md §2.2).
    """
    types = ref["violation_types"].set_index("violation_type").loc[list(VIOLATION_TYPES)]
    form_severity = ref["violation_forms"].set_index("form").severity
    klass, severity = np.empty((len(types), 2), dtype=object), np.empty((len(types), 2), dtype=object)
    forms = np.empty((len(types), 2, 2), dtype=object)
    for i, row in enumerate(types.itertuples()):
        periods = ((row.class_before_set, row.severity_before_set), ("disiplin", row.severity_after_set))
        for period, (cls, level) in enumerate(periods):
            candidates = (row.kode_etik_forms if cls == "kode_etik" else row.disiplin_forms).split()
            fitting = [f for f in candidates if cls == "kode_etik" or form_severity[f] == level] or [None]
            klass[i, period], severity[i, period], forms[i, period] = cls, level or None, (fitting * 2)[:2]
    return {"class": klass, "severity": severity, "forms": forms}


def forms(rng: np.random.Generator, election: str, types: pd.Categorical, incident: np.ndarray, ref: dict):
    """SKB 2022 form, class and matrix severity per case, from its type and whether the candidates were set."""
    matrix = skb_matrix(ref)
    after = (incident >= election_day(ref, election, "candidates_set")).astype(int)
    kind = np.asarray(types.codes)
    form = matrix["forms"][kind, after, rng.integers(0, 2, len(kind))]
    klass, severity = matrix["class"][kind, after], matrix["severity"][kind, after]
    pidana = np.isin(kind, [VIOLATION_TYPES.index(t) for t in PIDANA_TYPES]) & (after == 1) & (
        rng.random(len(kind)) < PIDANA_SHARE)
    klass, form, severity = (np.where(pidana, value, column) for value, column in
                             (("pidana", klass), (None, form), (None, severity)))
    return pd.DataFrame({"violation_form": as_labels(form, VIOLATION_FORMS),
                         "violation_class": as_labels(klass, VIOLATION_CLASSES),
                         "matrix_severity": as_labels(severity, SEVERITIES)})


def severities(rng: np.random.Generator, matrix: pd.Series, inferred_share: float) -> pd.DataFrame:
    """Severity per person from the matrix; some inferred (register left it blank), some set lighter by the PPK."""
    code = np.asarray(matrix.cat.codes)
    inferred = np.zeros(len(code), dtype=bool)
    rated = np.flatnonzero(code >= 0)
    inferred[rated] = spread(rng, [inferred_share, 1 - inferred_share], np.ones(len(rated))) == 0
    lighter = ~inferred & (rng.random(len(code)) < LENIENT_SHARE) & (code > 0)  # ringan stays ringan
    return pd.DataFrame({"severity": labelled(code - lighter, SEVERITIES), "severity_inferred": inferred},
                        index=matrix.index)


def sanctions(regime: str, persons: pd.DataFrame) -> pd.Categorical:
    """What the PPK imposed, for sanctioned persons only, in the wording of the discipline regime in force."""
    texts = SANCTIONS[regime] | COMMON
    labels = sorted({t for options in texts.values() for t in options} | {PTDH, MORAL_CLOSED})
    class_code = np.asarray(pd.Categorical(persons.violation_class, categories=VIOLATION_CLASSES).codes)
    severity_code = np.asarray(pd.Categorical(persons.severity, categories=SEVERITIES).codes)
    chosen = np.full(len(persons), -1)
    turn = np.arange(len(persons))
    for c, klass in enumerate(VIOLATION_CLASSES):
        for s, level in enumerate((None, *SEVERITIES)):
            options = texts.get(f"{klass}:{level or ''}")
            at = np.flatnonzero((class_code == c) & (severity_code == s - 1))
            if options and len(at):
                chosen[at] = np.array([labels.index(o) for o in options])[turn[at] % len(options)]
    outcome = persons.get("pp53_sanction")
    if outcome is not None:  # a moral sanction named by the PP 53/2010 outcome mix
        named = outcome.notna().to_numpy()
        chosen[named] = [labels.index(t) for t in outcome[named]]
    chosen[persons.violation_form.eq("D5").to_numpy()] = labels.index(PTDH)
    chosen[~persons.status.eq("disanksi").to_numpy()] = -1
    return labelled(chosen, labels)


def pp53_outcomes(rng: np.random.Generator, election: str, persons: pd.DataFrame, targets, ref) -> pd.DataFrame:
    """Pilkada 2020 under PP 53/2010: proven persons get the outcome mix of the only published distribution.

    Mostly sanksi moral (pernyataan terbuka) and disiplin sedang (domain.md §1.1), holding among the sanctioned
    and among the recommended alike. Persons whose act the matrix calls kode etik get the moral outcomes first;
    party members (PTDH) and criminal cases keep their own. The class and form follow the outcome (a moral
    sanction is kode etik: the type's K form where it has one).
    """
    mix = target(targets, election, "sanction_mix").astype(float).reindex(list(PP53_OUTCOMES), fill_value=0)
    klass = persons.violation_class.astype(object).to_numpy().copy()
    form = persons.violation_form.astype(object).to_numpy().copy()
    own = (klass == "pidana") | (form == "D5")
    out = persons[["violation_form", "violation_class", "severity", "severity_inferred"]].copy()
    severity = out.severity.astype(object).to_numpy().copy()
    inferred = out.severity_inferred.to_numpy().copy()
    text = np.full(len(persons), None, dtype=object)
    k_form = ref["violation_types"].set_index("violation_type").kode_etik_forms.str.split().str[0].replace("", None)
    type_k_form = persons.violation_type.map(k_form).astype(object).to_numpy()
    new_class, new_form = klass.copy(), form.copy()
    for status in ("disanksi", "terbukti"):  # the mix holds among the sanctioned, and among the recommended
        at = np.flatnonzero(persons.status.eq(status).to_numpy() & ~own)
        order = np.lexsort((rng.random(len(at)), klass[at] != "kode_etik"))
        outcome = np.array(list(PP53_OUTCOMES), dtype=object)[spread(rng, mix, np.ones(len(at)), order=order)]
        chosen_class = np.array([PP53_OUTCOMES[o][0] for o in outcome], dtype=object)
        severity[at] = [PP53_OUTCOMES[o][1] for o in outcome]
        text[at] = [PP53_OUTCOMES[o][2] for o in outcome]
        moral = chosen_class == "kode_etik"
        new_form[at] = np.where(klass[at] == chosen_class, form[at], np.where(moral, type_k_form[at], None))
        new_class[at], inferred[at] = chosen_class, False
    return pd.DataFrame({"violation_form": as_labels(new_form, VIOLATION_FORMS),
                         "violation_class": as_labels(new_class, VIOLATION_CLASSES),
                         "severity": as_labels(severity, SEVERITIES), "severity_inferred": inferred,
                         "pp53_sanction": text}, index=persons.index)
