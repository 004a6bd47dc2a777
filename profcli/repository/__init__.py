"""The files of a team repository: finding, reading, checking against the schemas, writing; the model and the shipped data."""
