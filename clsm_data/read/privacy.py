"""Small counts of service users and carers hidden outside the coordinator's own screen."""

from __future__ import annotations

import pandas as pd

SENSITIVE = ("usager", "aidant")
THRESHOLD = 11
HIDDEN = "< 11"


def mask_counts(df: pd.DataFrame, count_col: str = "count", category_col: str = "role_category") -> pd.DataFrame:
    """Add `shown` (text): counts of 1 to 10 for service users and carers become "< 11".

    Args:
        df: rows with a count and a role category.
    Returns:
        A copy with `shown` and `masked` (bool) columns; the raw count is set to None where masked,
        so a chart built from it cannot reveal the value either.
    """
    out = df.copy()
    small = out[category_col].isin(SENSITIVE) & out[count_col].between(1, THRESHOLD - 1)
    out["masked"] = small
    out["shown"] = out[count_col].map(lambda v: f"{int(v):,}".replace(",", "\u202f") if pd.notna(v) else "non renseigné")
    out.loc[small, "shown"] = HIDDEN
    out[count_col] = out[count_col].astype("Float64")
    out.loc[small, count_col] = pd.NA
    return out


def total_is_revealing(df: pd.DataFrame) -> bool:
    """True when a total would let a reader subtract back a masked count."""
    return bool(df.get("masked", pd.Series(dtype=bool)).any())
