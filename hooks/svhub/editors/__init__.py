"""Editors' tools: starting a case study from questions or from a submitted issue."""
