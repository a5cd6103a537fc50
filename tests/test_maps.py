"""The map's payload stays small at scale: only the drawn columns, and one dot per commune and sector beyond 400."""

from __future__ import annotations

import json

import pandas as pd

from components import maps


def _points(n: int) -> pd.DataFrame:
    communes = ["Metz", "Woippy", "Montigny-lès-Metz"]
    sectors = ["logement", "soins et prévention"]
    return pd.DataFrame({
        "structure_id": [f"s{i}" for i in range(n)], "name": [f"Structure {i}" for i in range(n)],
        "label": [f"S{i}" for i in range(n)], "sector": [sectors[i % 2] for i in range(n)],
        "type": "association", "commune": [communes[i % 3] for i in range(n)],
        "latitude": 49.12, "longitude": 6.17, "precision": "commune", "actions": 1,
    })


def _layer_rows(deck) -> list[dict]:
    spec = json.loads(deck.to_json())
    return spec["layers"][-1]["data"]


def test_small_maps_keep_one_dot_per_structure_and_only_drawn_columns():
    rows = _layer_rows(maps.deck(maps.spread(_points(66)), pd.DataFrame(columns=["name", "latitude", "longitude"])))
    assert len(rows) == 66
    assert set(rows[0]) == {"lat", "lon", "color", "radius", "name", "sector", "commune", "precision"}


def test_large_maps_group_by_commune_and_sector():
    deck = maps.deck(maps.spread(_points(2000)), pd.DataFrame(columns=["name", "latitude", "longitude"]))
    rows = _layer_rows(deck)
    assert len(rows) == 6  # 3 communes × 2 sectors
    assert sum(int(r["name"].split()[0]) for r in rows) == 2000
    assert len(deck.to_json()) < 100_000
