"""Tests of the LINE Platform emulator, driven over HTTP like the bot drives it."""
