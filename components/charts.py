"""Chart builders for the pages: re-exported from clsm_data.present.charts (one palette and one builder for
pages, slides, deck and bilan); components/views.chart renders them in Streamlit."""

from clsm_data.present.charts import (  # noqa: F401
    FONT,
    LABEL_LIMIT,
    PALETTE,
    ROLE_COLORS,
    SECTOR_COLORS,
    STATUS_COLORS,
    TITLE,
    count_bars,
    figure_chart,
    gantt,
    grouped_columns,
    hex_to_rgb,
    history,
    status_bars,
    status_rows,
    style,
)
