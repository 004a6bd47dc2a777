"""Re-registration: hours per register category, the status overview, the dossier."""
