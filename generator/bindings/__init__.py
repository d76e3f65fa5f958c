"""Binding packages: resolve a schema set with xsdata, model it, render it."""
