"""Stepdown: a companion for staying in control of kratom use, cutting down or stopping."""

__version__ = "0.1.0"
