"""Present: headline statements, figures, the action sheet, the annual report, the deck, exports and office files."""
