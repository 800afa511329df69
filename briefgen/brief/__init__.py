"""The brief format: the contract between ingest/classify and the site (see README)."""
