"""French formatting for the pages: a re-export of clsm_data.present.fmt (one formatting module for every output)."""

from clsm_data.present.fmt import (  # noqa: F401
    MISSING,
    MONTHS,
    NBSP,
    NNBSP,
    date,
    day,
    euros,
    is_missing,
    long_date,
    md,
    moment,
    num,
    number,
    percent,
    plural,
    stamp,
    text,
)
