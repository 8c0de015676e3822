"""Social Value Hub: case studies and guidance compiled into a static site.

Plain Python, independent of the site engine: MkDocs only calls in through
hooks/hub.py, so the hub can move to another engine without a rewrite.
"""
