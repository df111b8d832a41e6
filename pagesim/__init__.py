"""Page simulator: lay out real corpus articles as printed pages, with gold by construction."""
