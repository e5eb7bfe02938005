"""Importers: read a file into a DesignSnapshot plus the bytes of its assets."""
