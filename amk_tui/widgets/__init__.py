"""One widget per module; each redraws from state and posts messages up."""
