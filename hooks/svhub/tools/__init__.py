"""Site tools: the link checker and what every command-line script shares."""
