"""Structured registers (CSV project lists) read into the same model as documents."""
