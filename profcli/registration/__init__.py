"""Re-registration: hours per register category (`hours`), the overview in the terminal
(`status`) and the dossier (`export`), all from the same `hours.report`."""
