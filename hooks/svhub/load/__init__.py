"""Loading and validating: a case-study file in, a typed CaseStudy or positioned messages out."""
