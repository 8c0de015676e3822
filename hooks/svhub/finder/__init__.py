"""The case-study finder's data, built with the engine (svhub.engine): the facet table, the text of
the results and the keyword index."""
