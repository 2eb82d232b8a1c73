"""Where cases fall: central agencies, provincial governments and kabupaten/kota, only where an election was held."""

from __future__ import annotations

import numpy as np
import pandas as pd

from etl.demo.reference import election_places, target
from warehouse.vocab import AGENCY_LEVELS

CENTRAL_AGENCIES = (
    "Kementerian Pendidikan dan Kebudayaan", "Kementerian Agama", "Kementerian Kesehatan",
    "Kementerian Dalam Negeri", "Kementerian Pertanian", "Badan Pertanahan Nasional",
)


def places(rng: np.random.Generator, election: str, targets: pd.DataFrame, ref: dict) -> pd.DataFrame:
    """Weighted cells a case can fall in: central agencies, provinces (province level only), kabupaten/kota.

    Named provinces and regions get their published share; the rest of the cases spread over the other provinces
    by PNS headcount, and inside a province over its kabupaten/kota with random weights. Regions and provinces
    where the election was not held (election_regions.csv) get nothing.
    """
    pct = lambda dimension: target(targets, election, dimension).astype(float) / 100  # noqa: E731
    held_regions, held_provinces = election_places(ref, election)
    prov = ref["provinces"].set_index("code")
    regions = ref["regions"]
    named, level, own_level = pct("province").reindex(prov.index), pct("level"), pct("province_level")
    region_share = pct("region").reindex(regions.kode).to_numpy()
    _check_held(election, named, own_level, pct("region"), held_regions, held_provinces)
    fixed = pd.Series(region_share, index=regions.kode_prov).fillna(0).groupby(level=0).sum()
    fixed = fixed.reindex(prov.index, fill_value=0) + own_level.reindex(prov.index, fill_value=0)
    held = prov.index.isin(list(held_provinces))
    free = named.isna() & held
    own_pns = target(targets, election, "tail_pns").astype(float)  # where most PNS work for central agencies
    pns = own_pns.reindex(prov.index).fillna(prov.pns_count.astype(float)).where(held, 0.0)
    tail = 1 - level.get("pusat", 0) - named.fillna(0).sum() - fixed[free].sum()
    residual = named.fillna(pns / pns[free].sum() * tail).where(held, 0.0) - fixed.where(~free, 0)
    if (residual < -1e-9).any():
        raise ValueError(f"demo_targets.csv: bagian wilayah melebihi bagian provinsinya ({election}).")
    default_part = np.where(own_level.reindex(prov.index).isna(), residual * level["province_default"], 0)
    province_w = own_level.reindex(prov.index, fill_value=0) + default_part
    rest = (residual - default_part).reindex(regions.kode_prov).to_numpy()
    eligible = regions.kode.isin(list(held_regions)).to_numpy()
    noise = np.where(np.isnan(region_share) & eligible, rng.gamma(1.0, size=len(regions)), 0)
    noise_sum = pd.Series(noise).groupby(regions.kode_prov.to_numpy()).transform("sum").to_numpy()
    shared = np.divide(rest * noise, noise_sum, where=noise_sum > 0, out=np.zeros(len(noise)))
    region_w = np.nan_to_num(region_share) + shared
    central = pd.DataFrame({"agency_name": CENTRAL_AGENCIES, "agency_level": "pusat",
                            "weight": level.get("pusat", 0) / len(CENTRAL_AGENCIES)})
    provincial = pd.DataFrame({"province_code": prov.index, "agency_name": "Pemerintah Provinsi " + prov.name,
                               "agency_level": "provinsi", "weight": province_w.to_numpy()})
    local = pd.DataFrame({"region_code": regions.kode, "province_code": regions.kode_prov,
                          "agency_name": "Pemerintah " + regions.nama, "agency_level": regions.jenis,
                          "weight": region_w})
    return categorical_places(pd.concat([central, provincial, local], ignore_index=True), ref)


def village_places(rng: np.random.Generator, election: str, targets: pd.DataFrame, ref: dict) -> pd.DataFrame:
    """Kabupaten where village heads and honorer fall: named provinces get their share, the rest by kabupaten."""
    held_regions, _ = election_places(ref, election)
    regions = ref["regions"][ref["regions"].kode.isin(list(held_regions)) & (ref["regions"].jenis == "kabupaten")]
    named = target(targets, election, "non_asn_province").astype(float) / 100
    province = regions.kode_prov.to_numpy()
    in_named = np.isin(province, named.index)
    noise = rng.gamma(4.0, 0.25, len(regions))
    noise_sum = pd.Series(noise).groupby(province).transform("sum").to_numpy()
    named_share = pd.Series(province).map(named).to_numpy(dtype=float)
    free_each = (1 - named.sum()) / max((~in_named).sum(), 1)
    per_region = np.where(in_named, named_share * noise / noise_sum, free_each * noise / noise.mean())
    return categorical_places(pd.DataFrame({
        "region_code": regions.kode.to_numpy(), "province_code": province, "region_name": regions.nama.to_numpy(),
        "agency_level": "kabupaten", "weight": per_region}), ref)


def categorical_places(cells: pd.DataFrame, ref: dict) -> pd.DataFrame:
    """Place columns as categoricals over the fixed code lists, so rows copy cheaply and frames concatenate."""
    cells["region_code"] = pd.Categorical(cells.get("region_code"), categories=list(ref["regions"].kode))
    cells["province_code"] = pd.Categorical(cells.get("province_code"), categories=list(ref["provinces"].code))
    cells["agency_level"] = pd.Categorical(cells.agency_level, categories=list(AGENCY_LEVELS))
    for column in ("agency_name", "region_name"):
        if column in cells:
            cells[column] = cells[column].astype("category")
    return cells


def _check_held(election, named, own_level, regions, held_regions, held_provinces) -> None:
    """A published share for a place where the election was not held is a mistake in the targets."""
    wrong = [code for code in named.dropna().index if named[code] > 0 and code not in held_provinces]
    wrong += [code for code in own_level.index if code not in held_provinces]
    wrong += [code for code in regions.index if code not in held_regions]
    if wrong:
        raise ValueError(f"demo_targets.csv: {election} tidak diadakan di {', '.join(wrong)} "
                         "(lihat election_regions.csv).")
