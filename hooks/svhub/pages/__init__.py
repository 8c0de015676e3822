"""Pages: the validated library as Markdown pages with page data, and the per-page work
(reference directives, review panels, the Content-Security-Policy)."""
