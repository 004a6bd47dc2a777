"""A folder named like an entry (git cannot hold an empty folder)."""

(ROOT / "profielen/eva-de-wit/leerdoelen/gesprekken-voeren.toml").mkdir()  # noqa: F821
