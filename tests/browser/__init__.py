"""Browser tests: the emulator's chat page driven in headless Chromium."""
