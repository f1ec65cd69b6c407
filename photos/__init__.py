"""The photo library: photos, their private originals, upload checks and renditions."""
