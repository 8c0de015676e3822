"""The hub's domain: case studies and the library that holds them."""
