"""The case-study finder's data: the facet table, the text of the results and the keyword index."""
