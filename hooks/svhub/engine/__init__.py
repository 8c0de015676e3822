"""The search engine that the finder, the site search and the record share: the
keyword index and its query, the stemmer, the words a query names, lunr.js, and
the browser's scripts joined from their modules (the engine's and each user's)."""
