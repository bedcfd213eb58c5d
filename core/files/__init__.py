"""Where attachment bytes are kept: blob stores behind the core's BlobStore port."""
