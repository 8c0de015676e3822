"""The site search: guidance sections and case studies in one index, which
the header's search box loads only when a reader focuses it (see files.py)."""
