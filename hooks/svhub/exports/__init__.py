"""Downloads of the whole library, for spreadsheets and other programs."""
