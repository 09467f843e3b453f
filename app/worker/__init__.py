"""The model worker: a QThread in the GUI process that drives the model host process."""
