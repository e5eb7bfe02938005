"""Exporters: pure functions of a DesignSnapshot that write a file to a binary stream."""
