"""Benchmarks of the budgets in DESIGN.md §6; each prints its figures and the command that produced them."""
