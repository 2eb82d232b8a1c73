"""The filters in words: the sentence under every chart, in tables' export notes and on briefing slides.

Made from the same Filters value as the query behind the chart, so the caption cannot disagree with the numbers.
"""

from __future__ import annotations

from dataclasses import replace

from ui.strings import label, t
from warehouse.filters import LIST_COLUMNS, Filters
from warehouse.vocab import ASN_ONLY

MAX_NAMED = 3  # a caption names at most this many values per filter, then "+N lainnya"


def filters_caption(filters: Filters, lang: str) -> str:
    """The filters in words, always starting with the counting unit and who is counted, e.g. 'Orang dalam kasus ·
    ASN (tanpa non-ASN) · Pemilihan: Pilkada 2024 · Provinsi: Jawa Tengah'."""
    parts = [label("unit", filters.unit, lang), employees_words(filters.employee_types, lang)]
    for field, column in LIST_COLUMNS.items():
        values = getattr(filters, field)
        if values:
            named = [label(column, v, lang) for v in values[:MAX_NAMED]]
            more = len(values) - MAX_NAMED
            if more > 0:
                named.append(t("cap_more", lang, n=more))
            parts.append(f"{t(f'cap_{field}', lang)}: {', '.join(named)}")
    if filters.date_from or filters.date_to:
        basis = label("date_basis", filters.date_basis, lang).capitalize()
        parts.append(f"{basis}: {period_words(filters, lang)}")
    return " · ".join(parts)


def records_caption(filters: Filters, lang: str) -> str:
    """The caption of the case table, which is one row per register record whatever unit the counts use."""
    return f"{filters_caption(replace(filters, unit='catatan'), lang)} · {t('cap_records_table', lang)}"


def employees_words(employee_types: tuple[str, ...], lang: str) -> str:
    """Who is counted: 'ASN (tanpa non-ASN)' by default, 'Semua pegawai, termasuk non-ASN', or the types chosen."""
    if employee_types == ASN_ONLY:
        return t("cap_asn_only", lang)
    if not employee_types:
        return t("cap_all_employees", lang)
    return f"{t('cap_employee_types', lang)}: {', '.join(label('employee_choice', v, lang) for v in employee_types)}"


def period_words(filters: Filters, lang: str) -> str:
    """The date range as people write it: '01-09-2024 s.d. 30-09-2024', an open end as '…'."""
    start = filters.date_from.strftime("%d-%m-%Y") if filters.date_from else "…"
    end = filters.date_to.strftime("%d-%m-%Y") if filters.date_to else "…"
    return t("cap_period", lang, start=start, end=end)


def page_title(title: str, filters: Filters, lang: str) -> str:
    """A page's title naming the election(s) it shows: 'Ringkasan · Pilkada 2024', '… · semua pemilihan'.

    A number means little without its election, and the default view is one election: the title says which.
    """
    chosen = [label("election", code, lang) for code in filters.elections]
    return f"{title} · {', '.join(chosen) if chosen else t('title_all_elections', lang)}"
