"""Publishing a finished build as the warehouse readers see."""
