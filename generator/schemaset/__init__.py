"""XSD schema sets: safe loading, the compiled model, edits and writing."""

from generator.schemaset.load import SchemaSet, load_schema_set
from generator.schemaset.model import SchemaModel, compile_model

__all__ = ["SchemaModel", "SchemaSet", "compile_model", "load_schema_set"]
