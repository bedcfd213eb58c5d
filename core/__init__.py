"""The ticket core: help-desk rules with no LINE, no HTTP and no scheduler in them."""
